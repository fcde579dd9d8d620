// Site chrome: the lines a page carries around every article (hotlines, section headings, "see
// more" buttons). They are recognised by their form, folded so that case and diacritics do not
// matter, and kept out of the article's text.
import {foldKey} from '../text/fold';

export type Section = 'related' | 'comments';

const RELATED_HEADINGS = new Set(
	[
		'Xem thêm', 'Tin liên quan', 'Bài liên quan', 'Tin cùng chuyên mục', 'Đọc thêm', 'Có thể bạn quan tâm',
		'Tin khác', 'Related', 'Related stories', 'Related articles', 'Related news', 'Read more', 'More stories',
		'You may also like', 'Recommended', 'More from',
	].map(foldKey),
);

const COMMENT_HEADINGS = new Set(
	[
		'Bình luận mới nhất', 'Bình luận', 'Ý kiến bạn đọc', 'Ý kiến', 'Comments', 'Latest comments',
		'Reader comments', 'Join the conversation',
	].map(foldKey),
);

/** The section a heading line opens, if it is one. */
export function sectionHeading(line: string): Section | undefined {
	// `+ xem thêm` is a button, not the `Xem thêm` heading. Headings are a few words at most, which
	// spares folding every line of the page.
	if (line.length > 40 || /^[^\p{L}]/u.test(line) || line.split(' ', 6).length > 5) return undefined;
	const key = foldKey(line.replace(/\(\d+\)$/, ''));
	if (RELATED_HEADINGS.has(key)) return 'related';
	if (COMMENT_HEADINGS.has(key)) return 'comments';
	return undefined;
}

const CHROME_PATTERNS: RegExp[] = [
	// Contact lines in the masthead: `| Hotline: 0983.970.780`.
	/^\|?\s*(?:hotline|đường dây nóng)\s*:?\s*[\d .()+-]*$/iu,
	// Buttons that expand a list: `+ xem thêm`, `Xem thêm bình luận`, `Load more comments`.
	// A bare `Xem thêm` is the related-stories heading, so the button needs its mark or its object.
	/^[+»›>]\s*(?:xem thêm|load more|show more|view more)(?: bình luận| comments)?\s*[»›>]?$/iu,
	/^(?:xem thêm bình luận|load more comments|show more comments|view more comments)\s*[»›>]?$/iu,
];

const CHROME_START = /^[|+»›>hđxlsv]/iu;

export function isChromeLine(line: string): boolean {
	if (line.length > 80 || !CHROME_START.test(line)) return false;
	return CHROME_PATTERNS.some((pattern) => pattern.test(line));
}

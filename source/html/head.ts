// What a listing needs of an HTML page — its title, its date, whether it holds an article — taken
// without building the page's DOM: the tags that carry metadata (meta, link, title, JSON-LD
// scripts, time and datePublished elements, the html element's lang) are found by a scan of the
// page and read as plain records (tags.ts). Opening the article reads its metadata from the same
// records, so a listing and the opened article always agree, and listing a crawl of thousands of
// pages costs a scan of each page, not its parse.
import {decodePart} from './charset';
import {isSpaceByte, withoutScripts} from './without-scripts';
import {markupOf, nextClosing, nextTag, tagStarts, type Markup} from './find-tag';
import {parseTag, titleText, type HeadTags} from './tags';

// Tags whose attributes say something about the page; their contents do not matter. Of them, a
// link says something only as the canonical address, and a meta tag only with a value (content,
// or a datetime as some pages give their datePublished): the rest (style sheets, icons, preloads,
// charsets) are many and are not read.
const MARKUP = /<(meta|link|time)\b[^>]*>/iy;
const MARKUP_STARTS = tagStarts('mlt');
const SAYS: Record<string, RegExp> = {meta: /\b(?:content|datetime)\s*=/i, link: /\brel\s*=\s*["']?\s*canonical\b/i};
const PUBLISHED = 'datePublished';
// The attribute that makes the word a mark, right before it; white space around its '=' is read
// up to this far back.
const ITEMPROP = /\bitemprop\s*=\s*["']?$/i;
const MARK_REACH = 200;
const TITLE = /<title\b[^>]*>/iy;
const TITLE_END = /<\/title\s*>/iy;
const HTML_TAG = /<html\b[^>]*>/iy;

const TITLE_STARTS = tagStarts('t');
const HTML_STARTS = tagStarts('h');

/** The text of the element `opening` opens, up to its closing (`closing`, sticky); undefined when it has none. */
function textOf(markup: Markup, opening: RegExpExecArray | null, closing: RegExp): string | undefined {
	if (!opening) return undefined;
	const from = opening.index + opening[0].length;
	const closed = nextClosing(markup, from, closing);
	return closed ? markup.text.slice(from, closed.index) : undefined;
}

/** What the scans below read: the page without its scripts, styles and comments, and the texts of its JSON-LD scripts. */
export type Scannable = {page: string; jsonLd: string[]};

/** The page's bytes (see byteView) made scannable, as a byteText string. */
export function scannable(bytes: Uint8Array): Scannable {
	const jsonLd: string[] = [];
	return {page: withoutScripts(bytes, jsonLd), jsonLd};
}

/**
 * The page's metadata-bearing tags. The page is a byteText string, made scannable; what is read
 * of it is decoded in its encoding. With `metaNames`, a meta tag is taken only when its text
 * matches it, or holds a character reference (which may spell a name): a news page's meta tags
 * are mostly for apps and social sites (two thirds of them on the benchmark pages), and reading
 * each one's attributes was a tenth of a listing's scan.
 */
export function headTags({page, jsonLd}: Scannable, encoding: string, metaNames?: RegExp): HeadTags {
	const decode = (part: string) => decodePart(part, encoding);
	const found: Array<{at: number; text: string}> = [];
	const markup = markupOf(page);
	for (let tag = nextTag(markup, 0, MARKUP_STARTS, MARKUP); tag; tag = nextTag(markup, MARKUP.lastIndex, MARKUP_STARTS, MARKUP)) {
		const name = tag[1]!.toLowerCase();
		const says = SAYS[name];
		if (says && !says.test(tag[0])) continue;
		if (metaNames && name === 'meta' && !metaNames.test(tag[0]) && !tag[0].includes('&')) continue;
		found.push({at: tag.index, text: tag[0]});
	}
	// An element marked as the publication date: the tag around each mark, found from the mark. Its
	// value is read case-sensitively (metadata.ts, as microdata says), so each mark is found from
	// the word, with indexOf; the attribute's name before it is read case-insensitively, as HTML's are.
	for (let word = page.indexOf(PUBLISHED); word !== -1; word = page.indexOf(PUBLISHED, word + PUBLISHED.length)) {
		if (/\w/.test(page[word + PUBLISHED.length] ?? '')) continue;
		// One character more than the reach, for the \b before the attribute's name.
		const before = page.slice(Math.max(0, word - MARK_REACH - 1), word);
		const mark = ITEMPROP.exec(before);
		if (!mark || (mark.index === 0 && before.length > MARK_REACH)) continue;
		const at = word - before.length + mark.index;
		const start = page.lastIndexOf('<', at);
		const end = page.indexOf('>', at);
		const text = start === -1 || end === -1 ? '' : page.slice(start, end + 1);
		if (/^<[a-z][a-z0-9]*\b[^<>]*>$/i.test(text) && !/^<(?:meta|link|time)\b/i.test(text)) found.push({at: start, text});
	}
	found.sort((a, b) => a.at - b.at);
	const head: HeadTags = {tags: found.map(({text}) => parseTag(decode(text))), scripts: jsonLd.map(decode)};
	const title = textOf(markup, nextTag(markup, 0, TITLE_STARTS, TITLE), TITLE_END);
	if (title !== undefined) head.title = titleText(decode(title));
	const html = nextTag(markup, 0, HTML_STARTS, HTML_TAG)?.[0];
	const lang = html ? parseTag(decode(html)).attributes.get('lang') : undefined;
	if (lang) head.lang = lang;
	return head;
}

// Tags that end one run of text and start another, as paragraphs and line breaks do in a browser.
const BLOCK_TAG = /<\/?(?:p|div|br|li|dt|dd|td|th|tr|article|section|main|h[1-6]|blockquote|pre|ul|ol|dl|table|header|footer|nav|aside|figure|figcaption|form|hr)\b[^>]*>/iy;
const BLOCK_STARTS = tagStarts('/pdbltasmhuofn');
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/iy;
// A run shorter than this is a menu item, a teaser or a label, not prose.
const PROSE_RUN = 80;

/**
 * The length of the text of page[from, end): tags left out, a character reference read as a space,
 * each stretch of white space as one space, none at the ends. Counted in place: cutting the run
 * out and cleaning it with three replacements took twice as long (the same lengths, on the 16,649
 * runs of the benchmark pages). A reference is never made across a tag, as in a browser (taking
 * the tags out first did make `&am<b>p;` one).
 */
function runLength(page: string, from: number, end: number): number {
	let length = 0;
	let started = false;
	let space = false;
	// The next '>' from where a '<' was last met, looked for again only once passed: a run of many
	// '<' and no '>' is read once, not once for each '<'.
	let close: number | undefined;
	for (let at = from; at < end; at++) {
		const code = page.charCodeAt(at);
		if (code === 0x3c) {
			if (close === undefined || (close !== -1 && close < at)) close = page.indexOf('>', at);
			if (close !== -1 && close < end) {
				at = close;
				continue;
			}
		} else if (code === 0x26) {
			ENTITY.lastIndex = at;
			if (ENTITY.test(page) && ENTITY.lastIndex <= end) {
				at = ENTITY.lastIndex - 1;
				space = true;
				continue;
			}
		}
		if (isSpaceByte(code)) {
			space = true;
			continue;
		}
		if (space && started) length++;
		space = false;
		started = true;
		length++;
	}
	return length;
}

export type Prose = {
	/**
	 * The length of the page's runs of prose in bytes of UTF-8 (or of the page's own encoding): a
	 * character of Chinese, Japanese, Korean or Thai, which says about what a word says, is three.
	 */
	size: number;
	/** Firefox's reader-view test: runs of 140 characters or more, weighted by their length, add up past 20. */
	readerable: boolean;
};

/**
 * How much prose the page holds, read from its markup without a DOM: the runs of text between
 * block tags (paragraphs, and text set apart by divisions and line breaks, as Readability reads
 * them), inline tags aside. `page` is the page as a byteText string, made scannable; counting
 * stops at `enough`, or at `enoughIfReaderable` once the page is readerable.
 */
export function proseOf(page: string, enough = Number.POSITIVE_INFINITY, enoughIfReaderable = enough): Prose {
	const bodyAt = page.search(/<body\b/i);
	const markup = markupOf(page);
	let size = 0;
	let score = 0;
	let from = Math.max(0, bodyAt);
	// Run by run, not split at once: past `enough`, the caller's judgement is made, and the rest of
	// the page (most of it, on an article page) is not read.
	for (;;) {
		const tag = nextTag(markup, from, BLOCK_STARTS, BLOCK_TAG);
		const end = tag ? tag.index : page.length;
		const length = end - from < PROSE_RUN ? 0 : runLength(page, from, end);
		if (length >= PROSE_RUN) {
			size += length;
			if (length >= 140) score += Math.sqrt(length - 140);
			if (size >= enough || (size >= enoughIfReaderable && score > 20)) break;
		}
		if (!tag) break;
		from = BLOCK_TAG.lastIndex;
	}
	return {size, readerable: score > 20};
}

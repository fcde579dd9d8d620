// Title and date of a page from its top lines only, as a listing needs them.
import {segmentPage} from './parse';
import {publishedFrom} from './roles';
import type {Headline} from './types';

/**
 * Title and date from the top of a page, as a listing needs. `head` is the page's first lines;
 * `whole` says whether it is the whole page. The answer is undefined when the head cannot agree
 * with the full parse: without a dateline near the top, the headline is found from the article's
 * place in the whole page.
 */
export function headlineFrom(head: string, whole: boolean): Headline | undefined {
	const {lines, meta, title} = segmentPage(head, undefined, !whole);
	const dateline = lines.find((line) => line.role === 'dateline')?.text;
	if (!whole && dateline === undefined) return undefined;
	const published = publishedFrom(dateline, meta)?.published ?? null;
	return meta.url ? {title, published, url: meta.url} : {title, published};
}

/** The offset just past the `count`-th newline, or -1 when the text has fewer lines. */
function lineEnd(text: string, count: number): number {
	let end = -1;
	for (let i = 0; i < count; i++) {
		end = text.indexOf('\n', end + 1);
		if (end === -1) return -1;
	}
	return end + 1;
}

export type Head = {text: string; /** The text is the whole page. */ whole: boolean; /** More lines can be had. */ more: boolean};

/**
 * Reads ever longer heads, `head(count)` giving the first `count` lines, until the headline is
 * known; undefined when the lines run out first.
 */
export function readHeadline(head: (count: number) => Head): Headline | undefined {
	for (let count = 8; ; count *= 4) {
		const {text, whole, more} = head(count);
		const headline = headlineFrom(text, whole);
		if (headline || !more) return headline;
	}
}

export function parseHeadline(text: string): Headline {
	return readHeadline((count) => {
		const end = lineEnd(text, count);
		return end === -1 ? {text, whole: true, more: false} : {text: text.slice(0, end), whole: false, more: true};
	})!;
}

// As a listing reads the first 16 KB of a page file, it reads about as much of a page held in a string.
const HEAD_CHARACTERS = 16_384;

/**
 * The headline from the head of a page, as `headlineOfFile` finds it for files; undefined when the
 * head does not tell (the caller then parses the whole page, or knows the title from elsewhere).
 */
export function headlineOfTextHead(text: string): Headline | undefined {
	if (text.length <= HEAD_CHARACTERS) return parseHeadline(text);
	const head = text.slice(0, HEAD_CHARACTERS);
	const cut = head.lastIndexOf('\n');
	return cut === -1 ? undefined : readHeadline((count) => {
		const end = lineEnd(head, count);
		return end === -1 || end > cut ? {text: head.slice(0, cut + 1), whole: false, more: false} : {text: head.slice(0, end), whole: false, more: true};
	});
}


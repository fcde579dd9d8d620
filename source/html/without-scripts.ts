// A page without the elements that never hold article text — scripts, styles, templates, SVG —
// and its comments: what both the scan of a listing (head.ts) and the parser of an oversized page
// (dom.ts) read.
import {markupOf, nextClosing, nextTag, tagStarts, type Markup} from './find-tag';

// The elements whose content is never text, and comments. They are found by a scan from each
// opening to its closing, not by one regular expression with a back-reference, which costs
// several times as much on a large page.
const OPENING = /<(?:(script|style|noscript|template|svg)\b[^>]*>|!--)/iy;
const OPENING_STARTS = tagStarts('!stn');
const CLOSING: Record<string, RegExp> = {
	script: /<\/script\s*>/iy,
	style: /<\/style\s*>/iy,
	noscript: /<\/noscript\s*>/iy,
	template: /<\/template\s*>/iy,
	svg: /<\/svg\s*>/iy,
};

/** The closing of the element or comment opened by `tag` (whose opening ends at `from`): where it starts and ends; undefined when there is none. */
function closingEnd(markup: Markup, tag: string, from: number): {at: number; end: number} | undefined {
	if (tag === 'comment') {
		const at = markup.text.indexOf('-->', from);
		return at === -1 ? undefined : {at, end: at + 3};
	}
	const closing = CLOSING[tag]!;
	const closed = nextClosing(markup, from, closing);
	return closed ? {at: closed.index, end: closing.lastIndex} : undefined;
}

/**
 * The page without elements that never hold article text, keeping JSON-LD metadata scripts; the
 * texts of those are also handed to `jsonLd`, when given, so no second scan looks for them.
 */
export function withoutScripts(html: string, jsonLd?: string[]): string {
	const kept: string[] = [];
	let from = 0;
	const markup = markupOf(html);
	for (let open = nextTag(markup, 0, OPENING_STARTS, OPENING); open; open = nextTag(markup, from, OPENING_STARTS, OPENING)) {
		const opened = OPENING.lastIndex;
		const tag = open[1]?.toLowerCase() ?? 'comment';
		// An element never closed runs to the page's end, as in a browser.
		const closed = closingEnd(markup, tag, opened);
		const end = closed ? closed.end : html.length;
		const keep = tag === 'script' && /application\/ld\+json/i.test(open[0]);
		if (keep && closed && jsonLd) jsonLd.push(html.slice(opened, closed.at));
		kept.push(html.slice(from, keep ? end : open.index));
		from = end;
	}
	if (from === 0) return html;
	kept.push(html.slice(from));
	return kept.join('');
}

// A search result's snippet: the stretch of the article's text around the first place a query term
// occurs, on one line, with where the terms are within it (for highlighting).
import {foldedPattern, type Range} from '../../text/fold';
import type {QueryTerm} from './query';

const BEFORE = 60;
const LENGTH = 180;

export type Snippet = {text: string; matches: Range[]};

/** Where in the body the first term occurs, or -1: one search of the unfolded text. */
function firstMatch(body: string, needles: string[]): number {
	return body.search(new RegExp(needles.map(foldedPattern).join('|'), 'iu'));
}

/** The stretch of the body around the first match, on one line, with the matches in it found exactly. */
export function snippetOf(body: string, terms: QueryTerm[]): Snippet {
	const needles = terms.map((term) => term.tokens.join(' '));
	const first = firstMatch(body, needles);
	const from = Math.max(0, first - BEFORE);
	const around = body.slice(from, from + BEFORE + LENGTH + 40).replace(/\s+/g, ' ');
	let start = from === 0 ? 0 : around.indexOf(' ') + 1;
	let end = Math.min(around.length, start + LENGTH);
	if (end < around.length) {
		const space = around.lastIndexOf(' ', end);
		if (space > start + BEFORE / 2) end = space;
	}
	const more = from + BEFORE + LENGTH + 40 < body.length || end < around.length;
	const text = `${from > 0 ? '…' : ''}${around.slice(start, end).trim()}${more ? '…' : ''}`;
	const matches = Array.from(text.matchAll(new RegExp(needles.map(foldedPattern).join('|'), 'giu')), (match) => ({start: match.index, end: match.index + match[0].length}));
	return {text, matches};
}

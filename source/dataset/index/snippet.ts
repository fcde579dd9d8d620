// A search result's snippet: the stretch of the article's text around the first place a query term
// occurs, on one line, with where the terms are within it (for highlighting).
import {findFolded, type Range} from '../../text/fold';
import type {QueryTerm} from './query';

const BEFORE = 60;
const LENGTH = 180;

export type Snippet = {text: string; matches: Range[]};

export function snippetOf(body: string, terms: QueryTerm[]): Snippet {
	const flat = body.replace(/\s+/g, ' ').trim();
	const needles = terms.map((term) => term.tokens.join(' '));
	let first = -1;
	for (const needle of needles) {
		const [range] = findFolded(flat, needle);
		if (range && (first === -1 || range.start < first)) first = range.start;
	}
	let start = first <= BEFORE ? 0 : flat.lastIndexOf(' ', first - BEFORE) + 1;
	if (start < 0) start = 0;
	let end = Math.min(flat.length, start + LENGTH);
	if (end < flat.length) {
		const space = flat.lastIndexOf(' ', end);
		if (space > start + BEFORE) end = space;
	}
	const text = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
	const matches = needles.flatMap((needle) => findFolded(text, needle)).sort((a, b) => a.start - b.start);
	return {text, matches};
}

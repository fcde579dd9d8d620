// The search syntax: words (all of them must occur: AND by default), "phrases", and prefixes
// (nông*), folded as the index is (case, diacritics and đ do not matter). Each term becomes a quoted
// FTS5 phrase of its tokens, so nothing a user types can reach FTS5 as its own syntax: `covid-19`
// is the phrase "covid 19", not a column filter.
import {foldCharacters} from '../../text/fold';

export class QueryError extends Error {}

export type QueryTerm = {tokens: string[]; prefix: boolean; phrase: boolean};

const TERM = /"([^"]*)"(\*?)|([^\s"]+)/g;
const NOT_TOKEN = /[^\p{L}\p{N}]+/u;

export function parseQuery(query: string): QueryTerm[] {
	if ((query.match(/"/g)?.length ?? 0) % 2 === 1) throw new QueryError(`unclosed quote in the query: ${query}`);
	const terms: QueryTerm[] = [];
	for (const match of query.matchAll(TERM)) {
		const phrase = match[1] !== undefined;
		const text = phrase ? match[1]! : match[3]!;
		const prefix = phrase ? match[2] === '*' : text.endsWith('*');
		const tokens = foldCharacters(text.replace(/\*+$/, '')).split(NOT_TOKEN).filter(Boolean);
		if (tokens.length > 0) terms.push({tokens, prefix, phrase});
	}
	if (terms.length === 0) throw new QueryError(`nothing to search for in the query: ${query}`);
	return terms;
}

/** The FTS5 MATCH expression for the terms. */
export function matchExpression(terms: QueryTerm[]): string {
	return terms.map((term) => `"${term.tokens.join(' ')}"${term.prefix ? ' *' : ''}`).join(' AND ');
}

// The reader's list of articles as something it asks for a window of, never as a whole: an array
// for a dataset read into memory, the index for an indexed one (see index/catalog-list.ts), so the
// reader's state stays the same size at 100 or 1,000,000 articles. Filters are on title and id,
// folded (case, diacritics and đ do not matter).
import {foldCharacters, foldQuery} from '../text/fold';
import type {Entry} from './load';

export type ArticleList = {
	/** Changes whenever the list's content does (a refresh): what is derived from it is derived again. */
	readonly version: number;
	count(filter: string): number;
	/** The articles from `start` to `end` (not included) of those that pass the filter, newest first. */
	slice(filter: string, start: number, end: number): Entry[];
	/** Where the article with this id stands among those that pass the filter; -1 if it does not. */
	indexOf(filter: string, id: string): number;
	has(id: string): boolean;
	/** The article with this id, filter or not. */
	find(id: string): Entry | undefined;
};

/** An article list over entries held in memory (a dataset read whole, a single page, standard input). */
export function arrayList(entries: Entry[]): ArticleList {
	let keys: string[] | undefined;
	let byId: Map<string, Entry> | undefined;
	let last: {filter: string; matching: Entry[]} | undefined;
	const matching = (filter: string): Entry[] => {
		const query = foldQuery(filter.trim());
		if (query === '') return entries;
		if (last?.filter === query) return last.matching;
		keys ??= entries.map((entry) => foldCharacters(`${entry.title} ${entry.id}`));
		last = {filter: query, matching: entries.filter((_, i) => keys![i]!.includes(query))};
		return last.matching;
	};
	return {
		version: 0,
		count: (filter) => matching(filter).length,
		slice: (filter, start, end) => matching(filter).slice(start, end),
		indexOf: (filter, id) => matching(filter).findIndex((entry) => entry.id === id),
		has: (id) => (byId ??= new Map(entries.map((entry) => [entry.id, entry]))).has(id),
		find: (id) => (byId ??= new Map(entries.map((entry) => [entry.id, entry]))).get(id),
	};
}

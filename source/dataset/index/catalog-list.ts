// The reader's article list over an index (see article-list.ts): each window, count and position
// is a query, so the reader holds the rows on screen and nothing more. A new object stands for
// each version of the index, so what the reader derived from the old one is derived again.
import type {ArticleList} from '../article-list';
import type {Catalog} from './catalog';

export function catalogList(catalog: Catalog, version: number): ArticleList {
	const counts = new Map<string, number>();
	return {
		version,
		count(filter) {
			let count = counts.get(filter);
			if (count === undefined) counts.set(filter, (count = catalog.count({text: filter})));
			return count;
		},
		slice: (filter, start, end) => (end <= start ? [] : catalog.rows({text: filter}, start, end - start)),
		indexOf: (filter, id) => catalog.position(id, {text: filter}),
		has: (id) => catalog.find(id) !== undefined,
		find: (id) => catalog.find(id),
	};
}

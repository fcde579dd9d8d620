// Related stories are linked to the dataset's articles by title, compared without case, diacritics
// or punctuation.
import {foldKey} from '../text/fold';
import {comparableUrl} from '../text/url';

// A title longer than this is a page that has no title line; comparing its start is enough.
const TITLE_KEY_CHARACTERS = 500;

export const titleKey = (title: string) => foldKey(title.slice(0, TITLE_KEY_CHARACTERS));

/** The key a web address is looked up by beside titles: no scheme, `www.`, fragment or final slash. */
export const urlKey = (url: string) => `\u0000${comparableUrl(url)}`;

/** Folded title → the id of the first article with that title; and its web address, where known, → its id. */
export function indexTitles(entries: Iterable<{id: string; title: string; url?: string}>): Map<string, string> {
	const titles = new Map<string, string>();
	for (const entry of entries) {
		const key = titleKey(entry.title);
		if (key !== '' && !titles.has(key)) titles.set(key, entry.id);
		if (entry.url && !titles.has(urlKey(entry.url))) titles.set(urlKey(entry.url), entry.id);
	}
	return titles;
}

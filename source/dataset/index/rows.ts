// An article as the index stores it: what a listing shows, what related stories are linked by,
// and its text twice — folded for the full-text index, and as it reads, for snippets.
import {sortTime} from '../../article/dates';
import type {Article} from '../../article/types';
import {foldCharacters} from '../../text/fold';
import type {Entry} from '../load';
import {titleKey, urlKey} from '../titles';

/** The sort time of an undated article: below any date, so newest first puts it last, by the index's order. */
export const UNDATED = -8.64e15;

export type ArticleRow = {
	id: string;
	file: string;
	raw: Buffer | null;
	place_offset: number | null;
	place_length: number | null;
	compressed: number | null;
	title: string;
	published: string | null;
	sort_time: number;
	kicker: string | null;
	url: string | null;
	site: string | null;
	language: string | null;
	related: number;
	comments: number;
	title_key: string;
	url_key: string | null;
	title_folded: string;
	stated: string | null;
};

/** An article's row and its text (for snippets: kept as it reads, since compressing each article costs more than the disk it saves). */
export type IndexedArticle = {row: ArticleRow; body: string};

/** The host of a URL, without `www.`; null for anything that is not an http(s) URL. */
export function siteOf(url: string | undefined): string | null {
	if (!url) return null;
	try {
		const parsed = new URL(url);
		return /^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\./, '').toLowerCase() : null;
	} catch {
		return null;
	}
}

export const bodyText = (article: Article) => article.blocks.map((block) => block.text).join('\n');

export function rowOf(entry: Entry, article: Article): IndexedArticle {
	const time = sortTime(article.published);
	// Related links of HTML pages find their targets by address: the page's own, else the one it was captured from.
	const address = article.url ?? entry.stated?.url;
	const row: ArticleRow = {
		id: entry.id,
		file: entry.source,
		raw: entry.raw ?? null,
		place_offset: entry.place?.offset ?? null,
		place_length: entry.place?.length ?? null,
		compressed: entry.place ? Number(entry.place.compressed) : null,
		title: article.title,
		published: article.published,
		sort_time: Number.isFinite(time) ? time : UNDATED,
		kicker: article.kicker,
		url: article.url ?? null,
		site: siteOf(article.url),
		language: null,
		related: article.related.length,
		comments: article.comments.length,
		title_key: titleKey(article.title),
		url_key: address ? urlKey(address) : null,
		title_folded: foldCharacters(article.title),
		stated: entry.stated ? JSON.stringify(entry.stated) : null,
	};
	return {row, body: bodyText(article)};
}


/** The entry a stored row stands for, to open its article again. */
export function entryOf(row: Pick<ArticleRow, 'id' | 'file' | 'raw' | 'place_offset' | 'place_length' | 'compressed' | 'title' | 'published' | 'url' | 'stated'>): Entry {
	const entry: Entry = {id: row.id, source: row.file, title: row.title, published: row.published};
	if (row.url) entry.url = row.url;
	if (row.raw) entry.raw = row.raw;
	if (row.place_offset !== null && row.place_length !== null) {
		entry.place = {path: row.raw ?? row.file, offset: row.place_offset, length: row.place_length, compressed: row.compressed === 1};
	}
	if (row.stated) entry.stated = JSON.parse(row.stated) as Entry['stated'];
	return entry;
}

// Reading and parsing one page file (or JSON Lines record) into what the index stores: the work an indexing spends most
// of its time on, shared by the main thread and the worker threads (see workers.ts).
import type {PathLike} from 'node:fs';
import {articleOfPage, DatasetError, readPageText, type Entry} from '../load';
import type {Article} from '../../article/types';
import {bodyText, rowOf, type IndexedArticle} from './rows';

export type PageJob = {path: string; raw?: Buffer; id: string};

/** A JSON Lines record, read and given its id by the main thread, as page text (see jsonl.ts). */
export type RecordJob = {entry: Entry; page: string};

export type ParsedPage = {article: IndexedArticle; foldedTitle: string; foldedBody: string} | {skipped: string};

/**
 * Text as the full-text index takes it. SQLite's tokenizer folds case and removes diacritics
 * itself (`remove_diacritics 2`), far faster than folding here, but leaves đ, which is a letter of
 * its own to Unicode: that one is folded here, and zero-width characters go, as the list filter
 * ignores them. Page text is NFC already (see normalize.ts).
 */
export const foldForIndex = (text: string) => text.replace(/[đĐ]/g, 'd').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');

export function parsePage(job: PageJob | RecordJob, siteLines: ReadonlySet<string>): ParsedPage {
	if ('page' in job) return parsed(job.entry, articleOfPage(job.entry, job.page));
	let text: string;
	try {
		text = readPageText((job.raw ?? job.path) as PathLike, job.path);
	} catch (error) {
		if (!(error instanceof DatasetError)) throw error;
		return {skipped: error.message.replace(/^cannot read /, '')};
	}
	const entry: Entry = {id: job.id, source: job.path, title: '', published: null};
	if (job.raw) entry.raw = job.raw;
	return parsed(entry, articleOfPage(entry, text, () => siteLines));
}

function parsed(entry: Entry, article: Article): ParsedPage {
	return {article: rowOf(entry, article), foldedTitle: foldForIndex(article.title), foldedBody: foldForIndex(bodyText(article))};
}

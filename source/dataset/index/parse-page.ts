// Reading and parsing one page file (or JSON Lines record) into what the index stores: the work an indexing spends most
// of its time on, shared by the main thread and the worker threads (see workers.ts).
import type {PathLike} from 'node:fs';
import {articleOfPage, DatasetError, isListed, readPageText, type Entry} from '../load';
import {HTML_FILE, readHtmlFile} from '../html-file';
import type {Page} from '../records';
import type {Article} from '../../article/types';
import {bodyText, rowOf, type IndexedArticle} from './rows';

export type PageJob = {path: string; raw?: Buffer; id: string};

/** A record (JSON Lines, WARC, Parquet), read and given its id by the main thread, with its page (see records.ts). */
export type RecordJob = {entry: Entry; page: Page};

/** `silent`: a page without an article, counted rather than reported. */
export type ParsedPage = {article: IndexedArticle; foldedTitle: string; foldedBody: string} | {skipped: string; silent?: boolean};

const NO_ARTICLE: ParsedPage = {skipped: 'no article (a home, section or error page)', silent: true};

/**
 * Text as the full-text index takes it. SQLite's tokenizer folds case and removes diacritics
 * itself (`remove_diacritics 2`), far faster than folding here, but leaves đ, which is a letter of
 * its own to Unicode: that one is folded here, and zero-width characters go, as the list filter
 * ignores them. Page text is NFC already (see normalize.ts).
 */
export const foldForIndex = (text: string) => text.replace(/[đĐ]/g, 'd').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');

/**
 * The page parsed for the index; a page that cannot be read or parsed is skipped with its reason,
 * so one broken page never costs the indexing of the rest.
 */
export function parsePage(job: PageJob | RecordJob, siteLines: ReadonlySet<string>): ParsedPage {
	try {
		return parseJob(job, siteLines);
	} catch (error) {
		const where = 'page' in job ? `${job.entry.source} (${job.entry.id})` : job.path;
		return {skipped: `${where}: it could not be parsed (${(error as Error).message.split('\n')[0]})`};
	}
}

function parseJob(job: PageJob | RecordJob, siteLines: ReadonlySet<string>): ParsedPage {
	if ('page' in job) {
		const article = articleOfPage(job.entry, job.page);
		return isListed(article) ? parsed(job.entry, article) : NO_ARTICLE;
	}
	let page: Page;
	try {
		const path = (job.raw ?? job.path) as PathLike;
		page = HTML_FILE.test(job.path) ? {format: 'html', bytes: readHtmlFile(path, job.path)} : {format: 'text', text: readPageText(path, job.path)};
	} catch (error) {
		if (!(error instanceof DatasetError)) throw error;
		return {skipped: error.message.replace(/^cannot read /, '')};
	}
	const entry: Entry = {id: job.id, source: job.path, title: '', published: null};
	if (job.raw) entry.raw = job.raw;
	const article = articleOfPage(entry, page, () => siteLines);
	return isListed(article) ? parsed(entry, article) : NO_ARTICLE;
}

function parsed(entry: Entry, article: Article): ParsedPage {
	return {article: rowOf(entry, article), foldedTitle: foldForIndex(article.title), foldedBody: foldForIndex(bodyText(article))};
}

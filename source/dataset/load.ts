// A dataset is a folder of pages (and JSON Lines files), one such file, or standard input. Loading reads each page once
// and keeps only what a listing needs (id, title, date); an article is parsed in full when opened.
import {readFileSync, statSync} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {decodeBytes} from '../text/decode';
import {parseArticle, type SiteLines} from '../article/parse';
import {parseHeadline} from '../article/headline';
import {sortTime} from '../article/dates';
import {foldKey} from '../text/fold';
import type {Article} from '../article/types';
import {DatasetError, headlineOfFile, readPageText} from './page-file';
import {listPageFiles, type PageFile} from './walk';
import {assignIds, withoutExtension} from './ids';
import {JSONL_FILE, readRecordAt, readRecords, recordPage, type RecordPlace} from './jsonl';
import {recurringLines} from './site-lines';

export {DatasetError, readPageText} from './page-file';

export type Entry = {
	id: string;
	/** The file path, or `-` for standard input. */
	source: string;
	title: string;
	published: string | null;
	/** The page text, kept only for pages that cannot be read again (standard input, gzip records). */
	text?: string;
	/** Where a JSON Lines record lies, to read it again when opened. */
	place?: RecordPlace;
	/** What a JSON Lines record states about its article, over what its text shows. */
	stated?: {title?: string; published?: string; url?: string};
};

export type Dataset = {
	/** The folder related stories are matched in, or the input's own description. */
	root: string;
	entries: Entry[];
	/** Folded title → article id, for linking related stories. */
	readonly titles: Map<string, string>;
	/** The lines that recur across the pages of a folder (its site's furniture). */
	siteLines(folder: string): ReadonlySet<string>;
};

export type LoadOptions = {
	warn?: (message: string) => void;
	onProgress?: (done: number, total: number) => void;
	readStdin?: () => Uint8Array;
};


function sortNewestFirst(entries: Entry[]): Entry[] {
	const keyed = entries.map((entry) => ({entry, time: sortTime(entry.published)}));
	keyed.sort((a, b) => {
		if (a.time !== b.time) return a.time > b.time ? -1 : 1;
		return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
	});
	return keyed.map(({entry}) => entry);
}

// A title longer than this is a page that has no title line; comparing its start is enough.
const TITLE_KEY_CHARACTERS = 500;
const titleKey = (title: string) => foldKey(title.slice(0, TITLE_KEY_CHARACTERS));

function indexTitles(entries: Entry[]): Map<string, string> {
	const titles = new Map<string, string>();
	for (const entry of entries) {
		const key = titleKey(entry.title);
		if (key !== '' && !titles.has(key)) titles.set(key, entry.id);
	}
	return titles;
}

function readQuietly(path: string): string | undefined {
	try {
		return readPageText(path);
	} catch {
		return undefined;
	}
}

function finish(root: string, entries: Entry[]): Dataset {
	const sorted = sortNewestFirst(entries);
	let titles: Map<string, string> | undefined;
	const siteLines = new Map<string, ReadonlySet<string>>();
	return {
		root,
		entries: sorted,
		// Only opening an article needs these; a listing should not pay for them.
		get titles() {
			titles ??= indexTitles(sorted);
			return titles;
		},
		siteLines(folder) {
			let lines = siteLines.get(folder);
			if (!lines) {
				const pages = sorted.filter((entry) => !entry.place && entry.text === undefined && dirname(resolve(entry.source)) === folder).map((entry) => entry.source);
				siteLines.set(folder, (lines = recurringLines(pages.sort(), readQuietly)));
			}
			return lines;
		},
	};
}

export function emptyDataset(root: string): Dataset {
	return finish(root, []);
}

/** The article of an entry, opened within its dataset: related stories linked, its site's lines known. */
export function openInDataset(entry: Entry, dataset: Dataset): Article {
	const folder = entry.source === '-' ? '' : dirname(resolve(entry.source));
	return openArticle(entry, dataset.titles, folder ? () => dataset.siteLines(folder) : undefined);
}

const YIELD_EVERY_MS = 30;

/** The entries of a JSON Lines file: one per record, the id from the record or the file and line. */
async function readRecordEntries(file: PageFile, fileId: string, taken: Set<string>, warn: (message: string) => void): Promise<Entry[]> {
	const entries: Entry[] = [];
	try {
		for await (const {record, lineNumber, place} of readRecords(file.path, warn)) {
			const fallbackId = `${fileId}:${lineNumber}`;
			const id = record.id !== undefined && !taken.has(record.id) ? record.id : fallbackId;
			taken.add(id);
			// The page's own date first, as when the article is opened: a crawl's date may be its visit's.
			const headline = parseHeadline(recordPage(record));
			entries.push({
				id,
				source: file.path,
				title: record.title ?? headline.title,
				published: headline.published ?? record.published ?? null,
				...(place ? {place} : {text: recordPage(record)}),
				stated: {title: record.title, published: record.published, url: record.url},
			});
		}
	} catch (error) {
		warn(`${file.path}: ${(error as Error).message}; the records read before it are kept`);
	}
	return entries;
}

async function readFiles(files: PageFile[], options: LoadOptions): Promise<Entry[]> {
	const ids = assignIds(files);
	const taken = new Set(ids);
	const warn = options.warn ?? (() => {});
	const entries: Entry[] = [];
	let last = Date.now();
	for (let i = 0; i < files.length; i++) {
		const file = files[i]!;
		if (JSONL_FILE.test(file.path)) {
			entries.push(...(await readRecordEntries(file, ids[i]!, taken, warn)));
		} else {
			try {
				const {title, published} = headlineOfFile(file.path);
				entries.push({id: ids[i]!, source: file.path, title, published});
			} catch (error) {
				if (!(error instanceof DatasetError)) throw error;
				warn(`skipping ${error.message}`);
			}
		}
		if (options.onProgress && Date.now() - last > YIELD_EVERY_MS) {
			options.onProgress(i + 1, files.length);
			await new Promise((resolve) => setImmediate(resolve));
			last = Date.now();
		}
	}
	options.onProgress?.(files.length, files.length);
	return entries;
}

/** Loads PATH: a folder (every `*.txt` below it), a single page file, or `-` for standard input. */
export async function loadDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
	const warn = options.warn ?? (() => {});
	if (path === '-') {
		const text = decodeBytes(options.readStdin?.() ?? readFileSync(0));
		const {title, published} = parseHeadline(text);
		return finish('-', [{id: 'stdin', source: '-', title, published, text}]);
	}
	let stats;
	try {
		stats = statSync(path);
	} catch {
		throw new DatasetError(`cannot read ${path}: no such file or folder`);
	}
	if (stats.isDirectory()) return finish(resolve(path), await readFiles(listPageFiles(path, warn), {...options, warn}));
	if (JSONL_FILE.test(path)) return finish(dirname(resolve(path)), await readFiles([{path, relativePath: basename(path)}], {...options, warn}));
	const {title, published} = headlineOfFile(path);
	return finish(dirname(resolve(path)), [{id: withoutExtension(basename(path)), source: path, title, published}]);
}

export function findEntry(dataset: Dataset, id: string): Entry | undefined {
	return dataset.entries.find((entry) => entry.id === id);
}

/** The page text of an entry: kept in memory, re-read from its file, or from its place in a JSON Lines file. */
function pageOf(entry: Entry): string {
	if (entry.text !== undefined) return entry.text;
	if (!entry.place) return readPageText(entry.source);
	let record;
	try {
		record = readRecordAt(entry.place);
	} catch (error) {
		throw new DatasetError(`cannot read ${entry.source}: ${(error as Error).message}`);
	}
	if (typeof record === 'string') throw new DatasetError(`${entry.source} changed: the record of ${entry.id} is ${record}`);
	return recordPage(record);
}

export function openArticle(entry: Entry, titles: ReadonlyMap<string, string>, siteLines?: SiteLines): Article {
	const article = parseArticle(pageOf(entry), {id: entry.id, source: entry.source, siteLines});
	const {title, published, url} = entry.stated ?? {};
	if (title) article.title = title;
	if (published && !article.published) article.published = published;
	if (url && !article.url) article.url = url;
	return linkRelated(article, titles);
}

export function linkRelated(article: Article, titles: ReadonlyMap<string, string>): Article {
	if (article.related.length === 0 || titles.size === 0) return article;
	return {
		...article,
		related: article.related.map((story) => ({...story, id: titles.get(titleKey(story.title)) ?? null})),
	};
}

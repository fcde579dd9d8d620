// A dataset is a folder of pages (and JSON Lines files), one such file, a pipe, or standard input.
// Loading reads each page once and keeps only what a listing needs (id, title, date); an article is
// parsed in full when opened. No read is unbounded: pages and records stop at the page limit.
import {statSync} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {decodeBytes} from '../text/decode';
import {parseArticle, type SiteLines} from '../article/parse';
import {headlineOfTextHead, parseHeadline} from '../article/headline';
import {sortTime} from '../article/dates';
import type {Article} from '../article/types';
import {DatasetError, headlineOfFile, LISTING_BYTES, pageBytes, readPageText} from './page-file';
import {kindOf, openPipe, readStreamBounded} from './bounded-read';
import {fsPath, listPageFiles, type PageFile} from './walk';
import {assignIds, IdRegistry, printableId, withoutExtension} from './ids';
import {JSONL_FILE, readRecordAt, readRecords, recordPage, type RecordPlace} from './jsonl';
import {recurringLines} from './site-lines';
import {indexTitles, titleKey} from './titles';

export {DatasetError, readPageText} from './page-file';

export type Entry = {
	id: string;
	/** The file path, or `-` for standard input. */
	source: string;
	/** The path's bytes, when the file's name is not UTF-8 (see walk.ts). */
	raw?: Buffer;
	title: string;
	published: string | null;
	/** The article's web address, when the listing knows it. */
	url?: string;
	/** The page text, kept only for pages that cannot be read again (standard input, pipes). */
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
	readonly titles: TitleLookup;
	/** The lines that recur across the pages of a folder (its site's furniture). */
	siteLines(folder: string): ReadonlySet<string>;
};

export type LoadOptions = {
	warn?: (message: string) => void;
	onProgress?: (done: number, total: number) => void;
	/** Where `-` reads from; standard input by default. */
	stdin?: NodeJS.ReadableStream;
	/** Follow links that lead out of the dataset's folder. */
	followLinks?: boolean;
};


function sortNewestFirst(entries: Entry[]): Entry[] {
	const keyed = entries.map((entry) => ({entry, time: sortTime(entry.published)}));
	keyed.sort((a, b) => {
		if (a.time !== b.time) return a.time > b.time ? -1 : 1;
		return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
	});
	return keyed.map(({entry}) => entry);
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
				const pages = sorted.filter((entry) => !entry.place && entry.text === undefined && dirname(resolve(entry.source)) === folder);
				pages.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
				siteLines.set(folder, (lines = recurringLines(pages.map((entry) => ({path: entry.raw ?? entry.source, label: entry.source})))));
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

/** As much of a page as a listing parses (see LISTING_BYTES), cut at a line's end. */
function listingPart(page: string): string {
	if (page.length <= LISTING_BYTES) return page;
	const cut = page.lastIndexOf('\n', LISTING_BYTES);
	return page.slice(0, cut > 0 ? cut + 1 : LISTING_BYTES);
}

/** The entries of a JSON Lines file: one per record, the id from the record or the file and line. */
async function readRecordEntries(file: PageFile, fileId: string, ids: IdRegistry, warn: (message: string) => void, pipe?: NodeJS.ReadableStream): Promise<Entry[]> {
	const entries: Entry[] = [];
	const keepText = pipe !== undefined;
	try {
		for await (const {record, lineNumber, place} of readRecords(fsPath(file), file.path, warn, pipe)) {
			const lineId = `${fileId}:${lineNumber}`;
			const id = ids.claim(...(record.id !== undefined ? [record.id] : []), lineId, `${file.relativePath}:${lineNumber}`);
			// The page's own date first, as when the article is opened: a crawl's date may be its visit's.
			const page = recordPage(record);
			// A record that states its title needs only the dateline from its page's head.
			const headline = headlineOfTextHead(page) ?? (record.title ? undefined : parseHeadline(listingPart(page)));
			entries.push({
				id,
				source: file.path,
				...(file.raw ? {raw: file.raw} : {}),
				title: record.title ?? headline!.title,
				published: headline?.published ?? record.published ?? null,
				...(keepText ? {text: page} : {place}),
				...(record.url ?? headline?.url ? {url: record.url ?? headline?.url} : {}),
				stated: {title: record.title, published: record.published, url: record.url},
			});
		}
	} catch (error) {
		warn(`${file.path}: ${(error as Error).message}; the records read before it are kept`);
	}
	return entries;
}

async function readFiles(files: PageFile[], options: LoadOptions): Promise<Entry[]> {
	const registry = new IdRegistry();
	const ids = assignIds(files, registry, (file) => !JSONL_FILE.test(file.path));
	const warn = options.warn ?? (() => {});
	const entries: Entry[] = [];
	let last = Date.now();
	for (let i = 0; i < files.length; i++) {
		const file = files[i]!;
		if (JSONL_FILE.test(file.path)) {
			for (const entry of await readRecordEntries(file, ids[i]!, registry, warn)) entries.push(entry);
		} else {
			try {
				const {title, published, url} = headlineOfFile(fsPath(file), file.path);
				entries.push({id: ids[i]!, source: file.path, ...(file.raw ? {raw: file.raw} : {}), title, published, ...(url ? {url} : {})});
			} catch (error) {
				if (!(error instanceof DatasetError)) throw error;
				warn(`skipping ${error.message.replace(/^cannot read /, '')}`);
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

/** A page that can be read once only (standard input, a pipe): its text is kept. */
function streamedPage(id: string, source: string, bytes: Uint8Array): Entry {
	const text = decodeBytes(pageBytes(bytes, source === '-' ? 'standard input' : source));
	const {title, published, url} = parseHeadline(text);
	return {id, source, title, published, text, ...(url ? {url} : {})};
}

/** Loads PATH: a folder (every page file below it), a page or JSON Lines file, a pipe, or `-` for standard input. */
export async function loadDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
	const warn = options.warn ?? (() => {});
	if (path === '-') return finish('-', [streamedPage('stdin', '-', await readStreamBounded(options.stdin ?? process.stdin, 'standard input'))]);
	let stats;
	try {
		stats = statSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new DatasetError(`cannot read ${path}: ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
	}
	const single = {path, relativePath: basename(path)};
	const id = printableId(withoutExtension(basename(path)));
	if (stats.isDirectory()) return finish(resolve(path), await readFiles(listPageFiles(path, {warn, followLinks: options.followLinks}), {...options, warn}));
	if (stats.isFIFO()) {
		// A pipe can be read once: its pages and records are kept in memory.
		if (JSONL_FILE.test(path)) return finish(path, await readRecordEntries(single, id, new IdRegistry(), warn, openPipe(path)));
		return finish(path, [streamedPage(id, path, await readStreamBounded(openPipe(path), path))]);
	}
	if (!stats.isFile()) throw new DatasetError(`cannot read ${path}: ${kindOf(stats)}, not a page file`);
	if (JSONL_FILE.test(path)) return finish(dirname(resolve(path)), await readFiles([single], {...options, warn}));
	const {title, published, url} = headlineOfFile(path);
	return finish(dirname(resolve(path)), [{id, source: path, title, published, ...(url ? {url} : {})}]);
}

export function findEntry(dataset: Dataset, id: string): Entry | undefined {
	const wanted = printableId(id);
	return dataset.entries.find((entry) => entry.id === wanted);
}

/** The page text of an entry: kept in memory, re-read from its file, or from its place in a JSON Lines file. */
function pageOf(entry: Entry): string {
	if (entry.text !== undefined) return entry.text;
	if (!entry.place) return readPageText(entry.raw ?? entry.source, entry.source);
	let record;
	try {
		record = readRecordAt(entry.place);
	} catch (error) {
		throw new DatasetError(`cannot read ${entry.source}: ${(error as Error).message}`);
	}
	if (typeof record === 'string') throw new DatasetError(`${entry.source} changed: the record of ${entry.id} is ${record}`);
	return recordPage(record);
}
/** Folded title → article id: a Map, or the index's lookup. */
export type TitleLookup = {get(key: string): string | undefined; readonly size: number};

/** The article of an entry's page text, with what its JSON Lines record states over what the text shows. */
export function articleOfPage(entry: Entry, page: string, siteLines?: SiteLines): Article {
	const article = parseArticle(page, {id: entry.id, source: entry.source, siteLines});
	const {title, published, url} = entry.stated ?? {};
	if (title) article.title = title;
	if (published && !article.published) article.published = published;
	if (url && !article.url) article.url = url;
	return article;
}

export function openArticle(entry: Entry, titles: TitleLookup, siteLines?: SiteLines): Article {
	return linkRelated(articleOfPage(entry, pageOf(entry), siteLines), titles);
}

export function linkRelated(article: Article, titles: TitleLookup): Article {
	if (article.related.length === 0 || titles.size === 0) return article;
	return {
		...article,
		related: article.related.map((story) => ({...story, id: titles.get(titleKey(story.title)) ?? null})),
	};
}

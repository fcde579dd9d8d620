// A dataset is a folder of pages (and JSON Lines files), one such file, a pipe, or standard input.
// Loading reads each page once and keeps only what a listing needs (id, title, date); an article is
// parsed in full when opened. No read is unbounded: pages and records stop at the page limit.
import {statSync, type PathLike} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {decodeBytes} from '../text/decode';
import {detached} from '../text/detach';
import {parseArticle, type SiteLines} from '../article/parse';
import {headlineOfTextHead, parseHeadline} from '../article/headline';
import {sortTime} from '../article/dates';
import type {Article} from '../article/types';
import {DatasetError, headlineOfFile, LISTING_BYTES, pageBytes, readPageText} from './page-file';
import {kindOf, openPipe, readStreamBounded} from './bounded-read';
import {fsPath, listPageFiles, type PageFile} from './walk';
import {assignIds, IdRegistry, printableId, withoutExtension} from './ids';
import {countSkip, JSONL_FILE, PARQUET_FILE, readRecordAt, readRecords, RECORD_FILE, type DataRecord, type FieldNames, type Page, type RecordPart, type RecordPlace, type SkipCounts} from './records';
import {listInParallel, type ListWorkers} from './parallel-list';
import {CRAWL_FILE, crawlReaders, loadCrawlReaders, loadCrawlReadersFor, loadHtmlParser, loadPageFacts, loadParquetReader, ReaderNotLoaded} from './crawl-readers';
import {HTML_FILE, looksLikeHtml, readHtmlFile} from './html-file';
import {recurringLines} from './site-lines';
import {indexTitles, titleKey, urlKey} from './titles';

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
	/** What a record states about its article, over what its page shows; the fields it was read with. */
	stated?: {title?: string; published?: string; url?: string; language?: string; fields?: FieldNames};
	/** An HTML page's bytes, kept as text is for pages that cannot be read again. */
	html?: Uint8Array;
};

export type Dataset = {
	/** The folder related stories are matched in, or the input's own description. */
	root: string;
	entries: Entry[];
	/** Older captures of an address listed by its newest, found by their record ids. */
	superseded: Entry[];
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
	/** The names of record fields or columns, over the usual ones (`--field text=story`). */
	fields?: FieldNames;
	/** Hears of each page or record passed over, by reason. */
	skipped?: SkipCounts;
	/** The listing threads (dist/list-worker.js): a large file of records is read by several at once. */
	listWorkers?: ListWorkers;
	/** Only listed, never opened: a file of records loads only the readers a listing needs (see crawl-readers.ts). */
	listOnly?: boolean;
};


function sortNewestFirst(entries: Entry[]): Entry[] {
	const keyed = entries.map((entry) => ({entry, time: sortTime(entry.published)}));
	keyed.sort((a, b) => {
		if (a.time !== b.time) return a.time > b.time ? -1 : 1;
		return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
	});
	return keyed.map(({entry}) => entry);
}

function finish(root: string, entries: Entry[], superseded: Entry[] = []): Dataset {
	const sorted = sortNewestFirst(entries);
	let titles: Map<string, string> | undefined;
	const siteLines = new Map<string, ReadonlySet<string>>();
	return {
		root,
		entries: sorted,
		superseded,
		// Only opening an article needs these; a listing should not pay for them.
		get titles() {
			// By title, and by web address: the page's own, and the one its record was captured from.
			titles ??= indexTitles(sorted.flatMap((entry) => (entry.stated?.url && entry.stated.url !== entry.url ? [entry, {id: entry.id, title: entry.title, url: entry.stated.url}] : [entry])));
			return titles;
		},
		siteLines(folder) {
			let lines = siteLines.get(folder);
			if (!lines) {
				// Text pages only: a site's recurring lines are looked for in text, not in HTML.
				const pages = sorted.filter((entry) => !entry.place && entry.text === undefined && TEXT_PAGE.test(entry.source) && dirname(resolve(entry.source)) === folder);
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
export function openInDataset(entry: Entry, dataset: Dataset, warn?: (message: string) => void): Article {
	const folder = entry.source === '-' ? '' : dirname(resolve(entry.source));
	return openArticle(entry, dataset.titles, folder ? () => dataset.siteLines(folder) : undefined, warn);
}

const YIELD_EVERY_MS = 30;

const TEXT_PAGE = /\.txt$/i;

/** As much of a page as a listing parses (see LISTING_BYTES), cut at a line's end. */
function listingPart(page: string): string {
	if (page.length <= LISTING_BYTES) return page;
	const cut = page.lastIndexOf('\n', LISTING_BYTES);
	return page.slice(0, cut > 0 ? cut + 1 : LISTING_BYTES);
}

export type Listing = {title: string; published: string | null; url?: string};

/**
 * What a listing shows of an HTML page, from its markup alone when that gives a title (see
 * html/head.ts), else from the article; undefined when the page holds no article.
 */
function htmlListing(entry: Entry, page: Page, warn?: (message: string) => void): Listing | undefined {
	if (page.format !== 'html') throw new Error('not an HTML page');
	const facts = crawlReaders().pageFacts(page.bytes, {url: page.url, crawled: page.crawled, charset: page.charset});
	if (!facts.isArticle) return undefined;
	if (!facts.title) {
		const article = articleOfPage(entry, page, undefined, warn);
		return {title: article.title, published: article.published, ...(article.url ? {url: article.url} : {})};
	}
	const url = facts.url && detached(facts.url);
	return {title: detached(facts.title.title), published: facts.date ? detached(facts.date.published) : null, ...(url ? {url} : {})};
}

/** What a record states, only what it does state: a listing of a million records keeps one each. */
function statedOf(record: DataRecord, fields: FieldNames | undefined): NonNullable<Entry['stated']> {
	const stated: NonNullable<Entry['stated']> = {};
	if (record.title !== undefined) stated.title = record.title;
	if (record.published !== undefined) stated.published = record.published;
	if (record.url !== undefined) stated.url = record.url;
	if (record.language !== undefined) stated.language = record.language;
	if (fields) stated.fields = fields;
	return stated;
}

/** Whether a capture is older than another, by their WARC-Dates (a missing date tells nothing). */
export const isOlder = (crawled: string | undefined, than: string | undefined) => crawled !== undefined && than !== undefined && Date.parse(crawled) < Date.parse(than);

/** What the dataset lists of a record: its title and date, as opening it would give them. */
function listingOf(record: DataRecord, entry: Entry, warn: (message: string) => void): Listing | undefined {
	const {page} = record;
	if (page.format === 'html') return htmlListing(entry, page, warn);
	// The page's own date first, as when the article is opened: a crawl's date may be its visit's.
	// A record that states its title needs only the dateline from its page's head.
	const text = page.format === 'text' ? page.text : '';
	const headline = headlineOfTextHead(text) ?? (record.title ? undefined : parseHeadline(listingPart(text)));
	const url = record.url ?? headline?.url;
	// Kept for the whole listing: strings of their own, not views of the record's text.
	return {title: detached(record.title ?? headline!.title), published: headline?.published ?? record.published ?? null, ...(url ? {url: detached(url)} : {})};
}

const NOT_AN_ARTICLE = 'no article (a home, section or error page)';

/** Loads what listing a file of this name reads with: the scan of a page's markup, or Parquet's decoder. */
async function loadListingReader(name: string): Promise<void> {
	if (PARQUET_FILE.test(name)) await loadParquetReader();
	else if (CRAWL_FILE.test(name)) await loadPageFacts();
}

/**
 * What `list` gives, loading the HTML parser first when it needs it: a listing loads only the scan
 * of a page's markup (see crawl-readers.ts), and parses a page only when its markup gives no title.
 */
async function withHtmlParser<T>(list: () => T): Promise<T> {
	try {
		return list();
	} catch (error) {
		if (!(error instanceof ReaderNotLoaded)) throw error;
		await loadHtmlParser();
		return list();
	}
}

/** A record as a listing keeps it: where it lies, what it states, and what its page lists (nothing when it holds no article). */
export type ListedRecord = {
	lineNumber: number;
	place: RecordPlace;
	stated: NonNullable<Entry['stated']>;
	id?: string;
	/** Another id it answers to (a WARC record's own). */
	alias?: string;
	/** A captured HTML page's address (WARC), of which the newest capture is listed, and when it was captured. */
	captured?: {url: string; crawled?: string};
	/** The page's text, for records that cannot be read again (a pipe). */
	text?: string;
	listing?: Listing;
};

export type RecordListingOptions = Pick<LoadOptions, 'fields' | 'skipped'> & {part?: RecordPart; pipe?: NodeJS.ReadableStream};

/**
 * The records of a file as a listing takes them, in order; `warn` hears of each fault. What is kept
 * of each is small: a listing of a million records holds no page.
 */
export async function* listRecords(path: PathLike, label: string, warn: (message: string) => void, options: RecordListingOptions = {}): AsyncGenerator<ListedRecord> {
	const {fields, skipped, part, pipe} = options;
	await loadListingReader(label);
	for await (const {record, lineNumber, place} of readRecords(path, label, warn, {fields, skipped, part, source: pipe})) {
		const stated = statedOf(record, fields);
		const text = pipe !== undefined && record.page.format === 'text' ? record.page.text : undefined;
		const entry: Entry = {id: '', source: label, title: '', published: null, ...(text === undefined ? {place} : {text}), stated};
		const listed: ListedRecord = {lineNumber, place, stated};
		if (text !== undefined) listed.text = text;
		if (record.id !== undefined) listed.id = record.id;
		if (record.alias !== undefined) listed.alias = record.alias;
		if (record.page.format === 'html' && record.url) listed.captured = {url: record.url, ...(record.page.crawled ? {crawled: record.page.crawled} : {})};
		const listing = await withHtmlParser(() => listingOf(record, entry, warn));
		if (listing) listed.listing = listing;
		yield listed;
	}
}

/** The entries of a file of records: one per record, the id from the record or the file and its place in it. */
async function readRecordEntries(file: PageFile, fileId: string, ids: IdRegistry, options: LoadOptions, superseded: Entry[], pipe?: NodeJS.ReadableStream): Promise<Entry[]> {
	const warn = options.warn ?? (() => {});
	const entries: Entry[] = [];
	// The same address captured twice is listed once, as its newest capture by WARC-Date (by place
	// in the file when the dates are alike or missing); the others answer to their record ids.
	const byUrl = new Map<string, {index: number; alias?: string; crawled?: string}>();
	const recordOptions = {fields: options.fields, skipped: options.skipped};
	const inThisThread = (part?: RecordPart, own?: {warn: (message: string) => void; skipped: SkipCounts}) => listRecords(fsPath(file), file.path, own?.warn ?? warn, {...recordOptions, ...(own ? {skipped: own.skipped} : {}), part, pipe});
	const records = (!pipe && options.listWorkers ? listInParallel(fsPath(file), file.path, options.listWorkers, warn, recordOptions, inThisThread) : undefined) ?? inThisThread();
	try {
		for await (const {lineNumber, place, stated, id, alias, captured, text, listing} of records) {
			if (!listing) {
				countSkip(options.skipped, NOT_AN_ARTICLE);
				continue;
			}
			const entry: Entry = {id: '', source: file.path, ...(file.raw ? {raw: file.raw} : {}), title: '', published: null, ...(text === undefined ? {place} : {text}), stated};
			Object.assign(entry, listing);
			// One string for one address, however many times a record gives it: a listing of a
			// million records keeps each once.
			if (captured && stated.url === captured.url) captured.url = stated.url;
			if (entry.url !== undefined && entry.url === stated.url) entry.url = stated.url;
			if (entry.title === stated.title) entry.title = stated.title;
			if (entry.published !== null && entry.published === stated.published) entry.published = stated.published;
			const earlier = captured ? byUrl.get(captured.url) : undefined;
			if (earlier && isOlder(captured!.crawled, earlier.crawled)) {
				entry.id = ids.claim(...(alias ? [alias] : []), `${fileId}:${lineNumber}~older`);
				superseded.push(entry);
				continue;
			}
			if (earlier) {
				const older = entries[earlier.index]!;
				entry.id = older.id;
				older.id = ids.claim(...(earlier.alias ? [earlier.alias] : []), `${older.id}~older`);
				entries[earlier.index] = entry;
				superseded.push(older);
				byUrl.set(captured!.url, {index: earlier.index, alias, crawled: captured!.crawled});
				continue;
			}
			entry.id = ids.claim(...(id !== undefined ? [id] : []), `${fileId}:${lineNumber}`, `${file.relativePath}:${lineNumber}`);
			if (captured) byUrl.set(captured.url, {index: entries.length, alias, crawled: captured.crawled});
			entries.push(entry);
		}
	} catch (error) {
		warn(`${file.path}: ${(error as Error).message}; the records read before it are kept`);
	}
	return entries;
}

/** A page file's listing: its headline, or for an HTML page its article's title and date (none when it holds no article and `skipEmpty`). */
function listFile(file: PageFile, id: string, skipEmpty: boolean, options: LoadOptions): Entry | undefined {
	const {skipped} = options;
	const entry: Entry = {id, source: file.path, ...(file.raw ? {raw: file.raw} : {}), title: '', published: null};
	if (HTML_FILE.test(file.path)) {
		const page: Page = {format: 'html', bytes: readHtmlFile(fsPath(file), file.path)};
		const listed = htmlListing(entry, page, options.warn);
		if (listed) return {...entry, ...listed};
		if (skipEmpty) {
			countSkip(skipped, NOT_AN_ARTICLE);
			return undefined;
		}
		// A page named on the command line is listed whatever it holds.
		const article = articleOfPage(entry, page, undefined, options.warn);
		return {...entry, title: article.title, published: article.published, ...(article.url ? {url: article.url} : {})};
	}
	const {title, published, url} = headlineOfFile(fsPath(file), file.path);
	return {...entry, title, published, ...(url ? {url} : {})};
}

async function readFiles(files: PageFile[], options: LoadOptions, superseded: Entry[], single = false): Promise<Entry[]> {
	const registry = new IdRegistry();
	const ids = assignIds(files, registry, (file) => !RECORD_FILE.test(file.path));
	const warn = options.warn ?? (() => {});
	const entries: Entry[] = [];
	let last = Date.now();
	for (let i = 0; i < files.length; i++) {
		const file = files[i]!;
		if (RECORD_FILE.test(file.path)) {
			for (const entry of await readRecordEntries(file, ids[i]!, registry, options, superseded)) entries.push(entry);
		} else {
			try {
				// A page named on the command line is listed whatever it holds; in a folder, pages without an article are not.
				const entry = listFile(file, ids[i]!, !single, options);
				if (entry) entries.push(entry);
			} catch (error) {
				// A page named on the command line that cannot be read is the command's error.
				if (!(error instanceof DatasetError) || single) throw error;
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
async function streamedPage(id: string, source: string, bytes: Uint8Array): Promise<Entry> {
	const label = source === '-' ? 'standard input' : source;
	if (looksLikeHtml(bytes)) {
		await loadCrawlReaders();
		const entry: Entry = {id, source, title: '', published: null, html: Buffer.from(bytes)};
		const page: Page = {format: 'html', bytes: entry.html!};
		const listed = htmlListing(entry, page);
		if (listed) return {...entry, ...listed};
		const article = articleOfPage(entry, page);
		return {...entry, title: article.title, published: article.published, ...(article.url ? {url: article.url} : {})};
	}
	const text = decodeBytes(pageBytes(bytes, label));
	const {title, published, url} = parseHeadline(text);
	return {id, source, title, published, text, ...(url ? {url} : {})};
}

/** Loads PATH: a folder (every page file below it), a page or JSON Lines file, a pipe, or `-` for standard input. */
export async function loadDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
	const warn = options.warn ?? (() => {});
	if (path === '-') return finish('-', [await streamedPage('stdin', '-', await readStreamBounded(options.stdin ?? process.stdin, 'standard input'))]);
	let stats;
	try {
		stats = statSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new DatasetError(`cannot read ${path}: ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
	}
	const single = {path, relativePath: basename(path)};
	const id = printableId(withoutExtension(basename(path)));
	const superseded: Entry[] = [];
	if (stats.isDirectory()) {
		const files = listPageFiles(path, {warn, followLinks: options.followLinks});
		await loadCrawlReadersFor(files.map((file) => file.path));
		return finish(resolve(path), await readFiles(files, {...options, warn}, superseded), superseded);
	}
	if (stats.isFIFO()) {
		// A pipe can be read once: its pages and records are kept in memory.
		if (JSONL_FILE.test(path)) return finish(path, await readRecordEntries(single, id, new IdRegistry(), {...options, warn}, superseded, openPipe(path)));
		return finish(path, [await streamedPage(id, path, await readStreamBounded(openPipe(path), path))]);
	}
	if (!stats.isFile()) throw new DatasetError(`cannot read ${path}: ${kindOf(stats)}, not a page file`);
	await (options.listOnly && RECORD_FILE.test(path) ? loadListingReader(path) : loadCrawlReadersFor([path]));
	return finish(dirname(resolve(path)), await readFiles([single], {...options, warn}, superseded, true), superseded);
}

export function findEntry(dataset: Dataset, id: string): Entry | undefined {
	const wanted = printableId(id);
	return dataset.entries.find((entry) => entry.id === wanted) ?? dataset.superseded.find((entry) => entry.id === wanted);
}

/** The page of an entry: kept in memory, re-read from its file, or from its place in a file of records. */
function pageOf(entry: Entry): Page {
	if (entry.html !== undefined) return {format: 'html', bytes: entry.html};
	if (entry.text !== undefined) return {format: 'text', text: entry.text};
	if (!entry.place) {
		const path = entry.raw ?? entry.source;
		return HTML_FILE.test(entry.source) ? {format: 'html', bytes: readHtmlFile(path, entry.source)} : {format: 'text', text: readPageText(path, entry.source)};
	}
	let record;
	try {
		record = readRecordAt(entry.place, entry.source, entry.stated?.fields);
	} catch (error) {
		throw new DatasetError(`cannot read ${entry.source}: ${(error as Error).message}`);
	}
	if (typeof record === 'string') throw new DatasetError(`${entry.source} changed: the record of ${entry.id} is ${record}`);
	return record.page;
}
/** Folded title → article id: a Map, or the index's lookup. */
export type TitleLookup = {get(key: string): string | undefined; readonly size: number};

// HTML pages judged to hold no article (see html/extract.ts): a listing passes over them.
const withoutArticle = new WeakSet<Article>();

/** Whether a listing shows an article: an HTML page is listed when it holds one. */
export const isListed = (article: Article) => !withoutArticle.has(article);

function htmlArticle(entry: Entry, page: Page, warn?: (message: string) => void): Article {
	if (page.format !== 'html') throw new Error('not an HTML page');
	const {article, isArticle, cut, unusual} = crawlReaders().parseHtmlPage(page.bytes, {id: entry.id, source: entry.source, url: page.url, crawled: page.crawled, charset: page.charset});
	if (!isArticle) withoutArticle.add(article);
	const name = `${entry.source}${entry.place ? ` (${page.url ?? entry.id})` : ''}`;
	if (cut) warn?.(`${name}: a page of too much HTML; only its beginning is read`);
	if (unusual) warn?.(`${name}: a page nested too deep or of too many elements to look for its article in; read as plain text`);
	return article;
}

/** The article of an entry's page, with what its record states over what the page shows. */
export function articleOfPage(entry: Entry, page: Page | string, siteLines?: SiteLines, warn?: (message: string) => void): Article {
	const article = typeof page === 'string' || page.format === 'text' ? parseArticle(typeof page === 'string' ? page : page.text, {id: entry.id, source: entry.source, siteLines}) : htmlArticle(entry, page, warn);
	const {title, published, url, language} = entry.stated ?? {};
	if (language && !article.language) article.language = language;
	if (title) article.title = title;
	if (published && !article.published) {
		article.published = published;
		article.dateSource = 'record';
	}
	if (url && !article.url) article.url = url;
	return article;
}

/** The article of an entry, its related stories linked; `warn` hears of a page read only in part. */
export function openArticle(entry: Entry, titles: TitleLookup, siteLines?: SiteLines, warn?: (message: string) => void): Article {
	return linkRelated(articleOfPage(entry, pageOf(entry), siteLines, warn), titles);
}

/**
 * The article with its related stories linked to the dataset's articles, by web address or by
 * title. A story that is a link of an HTML page stays only when it leads into the dataset: a
 * page's links are many, its related stories those the reader can open.
 */
export function linkRelated(article: Article, titles: TitleLookup): Article {
	if (article.related.length === 0) return article;
	const related = article.related
		.map((story) => ({...story, id: (story.url !== undefined ? titles.get(urlKey(story.url)) : undefined) ?? titles.get(titleKey(story.title)) ?? null}))
		.filter((story) => story.url === undefined || (story.id !== null && story.id !== article.id));
	return {...article, related};
}

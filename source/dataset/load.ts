// A dataset is a folder of pages, one page file, or standard input. Loading reads each page once
// and keeps only what a listing needs (id, title, date); an article is parsed in full when opened.
import {readFileSync, statSync} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {decodeBytes, looksBinary} from '../text/decode';
import {parseArticle, parseHeadline} from '../article/parse';
import {sortTime} from '../article/dates';
import {foldKey} from '../text/fold';
import type {Article} from '../article/types';
import {listPageFiles, type PageFile} from './walk';
import {assignIds} from './ids';

export type Entry = {
	id: string;
	/** The file path, or `-` for standard input. */
	source: string;
	title: string;
	published: string | null;
	/** The page text, kept only for pages that cannot be read again (standard input). */
	text?: string;
};

export type Dataset = {
	/** The folder related stories are matched in, or the input's own description. */
	root: string;
	entries: Entry[];
	/** Folded title → article id, for linking related stories. */
	titles: Map<string, string>;
};

export type LoadOptions = {
	warn?: (message: string) => void;
	onProgress?: (done: number, total: number) => void;
	readStdin?: () => Uint8Array;
};

export class DatasetError extends Error {}

/** Reads and decodes one page file; throws a DatasetError for an unreadable or binary file. */
export function readPageText(path: string): string {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new DatasetError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
	}
	if (looksBinary(bytes)) throw new DatasetError(`${path} is a binary file, not a page`);
	return decodeBytes(bytes);
}

function newestFirst(a: Entry, b: Entry): number {
	const difference = sortTime(b.published) - sortTime(a.published);
	if (difference !== 0 && !Number.isNaN(difference)) return difference;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function indexTitles(entries: Entry[]): Map<string, string> {
	const titles = new Map<string, string>();
	for (const entry of entries) {
		const key = foldKey(entry.title);
		if (key !== '' && !titles.has(key)) titles.set(key, entry.id);
	}
	return titles;
}

function finish(root: string, entries: Entry[]): Dataset {
	entries.sort(newestFirst);
	return {root, entries, titles: indexTitles(entries)};
}

const YIELD_EVERY_MS = 30;

async function readFiles(files: PageFile[], options: LoadOptions): Promise<Entry[]> {
	const ids = assignIds(files);
	const entries: Entry[] = [];
	let last = Date.now();
	for (let i = 0; i < files.length; i++) {
		const file = files[i]!;
		try {
			const {title, published} = parseHeadline(readPageText(file.path));
			entries.push({id: ids[i]!, source: file.path, title, published});
		} catch (error) {
			if (!(error instanceof DatasetError)) throw error;
			options.warn?.(`skipping ${error.message}`);
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
	const text = readPageText(path);
	const {title, published} = parseHeadline(text);
	return finish(dirname(resolve(path)), [{id: basename(path).replace(/\.[^.]+$/, ''), source: path, title, published}]);
}

export function findEntry(dataset: Dataset, id: string): Entry | undefined {
	return dataset.entries.find((entry) => entry.id === id);
}

/** The whole article of an entry, its related stories linked to the dataset's articles. */
export function openArticle(entry: Entry, titles: ReadonlyMap<string, string>): Article {
	const text = entry.text ?? readPageText(entry.source);
	const article = parseArticle(text, {id: entry.id, source: entry.source});
	return linkRelated(article, titles);
}

export function linkRelated(article: Article, titles: ReadonlyMap<string, string>): Article {
	if (article.related.length === 0 || titles.size === 0) return article;
	return {
		...article,
		related: article.related.map((story) => ({...story, id: titles.get(foldKey(story.title)) ?? null})),
	};
}

// The readers of crawl formats that are large to load — HTML's DOM and extractor (19 MB of memory
// and 80 ms once loaded), Parquet's decoder (10 MB) — load only for a dataset that holds such
// files, so reading text pages starts as fast as before; and a listing loads only what it reads
// with (the scan of a page's markup for HTML and WARC, the decoder for Parquet), in each of its
// threads. Opening an article is synchronous: whoever opens one loads the readers first (the
// commands, the reader and the index's refresh do).
import type {pageFacts} from '../html/facts';
import type {parseHtmlPage} from '../html/article';
import type * as Parquet from './parquet';
import {DatasetError} from './errors';

export type CrawlReaders = {parseHtmlPage: typeof parseHtmlPage; pageFacts: typeof pageFacts; parquet: typeof Parquet};

const loaded: Partial<CrawlReaders> = {};
const loading: Partial<Record<keyof CrawlReaders, Promise<void>>> = {};

/** HTML pages, WARC archives and Parquet files: what needs the crawl readers. */
export const CRAWL_FILE = /\.(?:x?html?(?:\.gz)?|warc(?:\.gz)?|parquet)$/i;

/** The scan of an HTML page's markup (html/facts.ts): what listing HTML pages and WARC archives needs. */
export const loadPageFacts = () => (loading.pageFacts ??= import('../html/facts').then((module) => void (loaded.pageFacts = module.pageFacts)));

/** The HTML parser and extractor: what opening an HTML page needs, and listing one whose markup gives no title. */
export const loadHtmlParser = () => (loading.parseHtmlPage ??= import('../html/article').then((module) => void (loaded.parseHtmlPage = module.parseHtmlPage)));

/** Parquet's decoder: what listing and opening Parquet files needs. */
export const loadParquetReader = () => (loading.parquet ??= import('./parquet').then((module) => void (loaded.parquet = module)));

/** All of them: what opening an article of any of these formats needs. */
export async function loadCrawlReaders(): Promise<void> {
	await Promise.all([loadPageFacts(), loadHtmlParser(), loadParquetReader()]);
}

/** Loads the crawl readers when one of these names needs them. */
export async function loadCrawlReadersFor(names: Iterable<string>): Promise<void> {
	for (const name of names) {
		if (CRAWL_FILE.test(name)) {
			await loadCrawlReaders();
			return;
		}
	}
}

/** A reader asked for before it was loaded. */
export class ReaderNotLoaded extends DatasetError {}

const notLoaded = (): never => {
	throw new ReaderNotLoaded('the HTML and Parquet readers are still loading: try again in a moment');
};

const readers: CrawlReaders = {
	get parseHtmlPage() {
		return loaded.parseHtmlPage ?? notLoaded();
	},
	get pageFacts() {
		return loaded.pageFacts ?? notLoaded();
	},
	get parquet() {
		return loaded.parquet ?? notLoaded();
	},
};

export function crawlReaders(): CrawlReaders {
	return readers;
}

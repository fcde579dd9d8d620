// The readers of crawl formats that are large to load — HTML's DOM and extractor, Parquet's
// decoder — load only for a dataset that holds such files, so reading text pages starts as fast
// as before. Opening an article is synchronous: whoever reads such a dataset loads them first
// (loadDataset, the index's refresh, the commands and the reader do).
import type {pageFacts, parseHtmlPage} from '../html/article';
import type * as Parquet from './parquet';
import {DatasetError} from './errors';

export type CrawlReaders = {parseHtmlPage: typeof parseHtmlPage; pageFacts: typeof pageFacts; parquet: typeof Parquet};

let readers: CrawlReaders | undefined;
let loading: Promise<CrawlReaders> | undefined;

/** HTML pages, WARC archives and Parquet files: what needs the crawl readers. */
export const CRAWL_FILE = /\.(?:x?html?(?:\.gz)?|warc(?:\.gz)?|parquet)$/i;

export function loadCrawlReaders(): Promise<CrawlReaders> {
	loading ??= Promise.all([import('../html/article'), import('./parquet')]).then(([html, parquet]) => (readers = {parseHtmlPage: html.parseHtmlPage, pageFacts: html.pageFacts, parquet}));
	return loading;
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

export function crawlReaders(): CrawlReaders {
	if (!readers) throw new DatasetError('the HTML and Parquet readers are still loading: try again in a moment');
	return readers;
}

// Reading the dataset for the reader: started before the first frame, so a small dataset is ready
// when the reader first draws, and a large one reports progress while the reader shows it. An
// indexed dataset opens on what its index already holds and is refreshed in the background: the
// reader shows that progress in its status line and the new list when it is done.
import {DatasetError, emptyDataset, findEntry, loadDataset, openInDataset, type Dataset} from '../dataset/load';
import {arrayList, type ArticleList} from '../dataset/article-list';
import type {Catalog, SearchHit} from '../dataset/index/catalog';
import type {Article} from '../article/types';
import {statSync} from 'node:fs';
import {CRAWL_FILE, loadCrawlReaders} from '../dataset/crawl-readers';

export type Progress = {done: number; total: number};

export type DatasetLoader = {
	/** The list, once there is one to show. */
	readonly list: ArticleList | undefined;
	/** Before there is a list: how far the reading (or a first indexing) has come. */
	readonly progress: Progress;
	/** After: how far a refresh of the index in the background has come; null when none runs. */
	readonly refreshing: Progress | null;
	readonly done: Promise<void>;
	/** Settles when there is a list to show (an index's, before its refresh), or when loading is done. */
	readonly ready: Promise<void>;
	/** Hears of progress and of new lists; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** Reads one article of the dataset in full. */
	open(id: string): Article;
	/** Full-text search, where the dataset has an index. */
	search?: (query: string) => SearchHit[];
};

export type LoaderOptions = {env: NodeJS.ProcessEnv; index: boolean; workerScript?: string; listWorkerScript?: string; followLinks?: boolean};

// A search in the reader lists at most this many results.
const SEARCH_RESULTS = 500;
// How long after the first frame a background refresh starts.
const BACKGROUND_DELAY_MS = 300;
// In the background, batches are short: a commit must not hold the keys up.
const BACKGROUND_BATCH_MS = 100;

export function startLoading(path: string, warn: (message: string) => void, options: LoaderOptions): DatasetLoader {
	const listeners = new Set<() => void>();
	let listed = () => {};
	const ready = new Promise<void>((resolve) => (listed = resolve));
	const notify = () => {
		if (loader.list) listed();
		for (const listener of listeners) listener();
	};
	let dataset: Dataset | undefined;
	let catalog: Catalog | undefined;
	const loader: DatasetLoader & {list: ArticleList | undefined; progress: Progress; refreshing: Progress | null; done: Promise<void>} = {
		list: undefined,
		progress: {done: 0, total: 0},
		refreshing: null,
		done: Promise.resolve(),
		ready,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		open(id) {
			if (catalog) {
				const article = catalog.open(id);
				if (!article) throw new DatasetError(`no article with id ${id}`);
				return article;
			}
			const entry = dataset && findEntry(dataset, id);
			if (!entry) throw new DatasetError(`no article with id ${id}`);
			return openInDataset(entry, dataset!);
		},
	};
	const onProgress = (done: number, total: number) => {
		loader.progress = {done, total};
		notify();
	};

	const readWhole = async () => {
		try {
			dataset = await loadDataset(path, {warn, onProgress, followLinks: options.followLinks, ...(options.listWorkerScript ? {listWorkers: {script: options.listWorkerScript}} : {})});
		} catch (error) {
			warn(error instanceof Error ? error.message : String(error));
			dataset = emptyDataset(path);
		}
		loader.list = arrayList(dataset.entries);
		notify();
	};

	const readIndexed = async (): Promise<boolean> => {
		const {catalogList} = await import('../dataset/index/catalog-list');
		const {isIndexable, openCatalog} = await import('../dataset/index/catalog');
		if (!isIndexable(path)) return false;
		try {
			catalog = openCatalog(path, {env: options.env, warn, followLinks: options.followLinks, workerScript: options.workerScript});
		} catch (error) {
			warn(`no index (${(error as Error).message.split('\n')[0]}); reading the dataset without one`);
			return false;
		}
		const opened = catalog;
		loader.search = (query) => opened.search(query, {limit: SEARCH_RESULTS});
		let version = 0;
		// Whether the index holds any article: its stored count says (see schema.ts).
		const ready = opened.count() > 0;
		if (ready) {
			loader.list = catalogList(opened, version++);
			notify();
			// The walk of a refresh holds the thread for a moment: the reader draws its first frame first.
			await new Promise((resolve) => setTimeout(resolve, BACKGROUND_DELAY_MS));
		}
		// Articles of HTML pages, WARC and Parquet files open with readers that load after the first
		// frame, not before it: a folder may hold such pages, and only the index knows.
		if (statSync(path).isDirectory() || CRAWL_FILE.test(path)) await loadCrawlReaders();
		const summary = await opened.refresh({
			wait: !ready,
			batchMs: ready ? BACKGROUND_BATCH_MS : undefined,
			onProgress: (done, total) => {
				if (ready) loader.refreshing = {done, total};
				else loader.progress = {done, total};
				notify();
			},
		});
		loader.refreshing = null;
		if (!ready || summary.added + summary.changed + summary.removed > 0) loader.list = catalogList(opened, version++);
		notify();
		return true;
	};

	loader.done = (options.index ? readIndexed() : Promise.resolve(false))
		.catch((error: unknown) => {
			warn(`the index failed (${error instanceof Error ? error.message : String(error)}); reading the dataset without one`);
			catalog = undefined;
			return false;
		})
		.then((indexed) => (indexed ? undefined : readWhole()))
		.finally(() => listed());
	return loader;
}

// Reading the dataset for the reader: started before the first frame, so a small dataset is ready
// when the reader first draws, and a large one reports progress while the reader shows it.
import {DatasetError, emptyDataset, findEntry, loadDataset, openInDataset, type Dataset} from '../dataset/load';
import type {Article} from '../article/types';

export type DatasetLoader = {
	readonly dataset: Dataset | undefined;
	readonly progress: {done: number; total: number};
	readonly done: Promise<void>;
	/** Hears of progress and of the end; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** Reads one article of the loaded dataset in full. */
	open(id: string): Article;
};

export function startLoading(path: string, warn: (message: string) => void): DatasetLoader {
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const listener of listeners) listener();
	};
	const loader = {
		dataset: undefined as Dataset | undefined,
		progress: {done: 0, total: 0},
		done: Promise.resolve(),
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		open(id: string): Article {
			const entry = loader.dataset && findEntry(loader.dataset, id);
			if (!entry) throw new DatasetError(`no article with id ${id}`);
			return openInDataset(entry, loader.dataset!);
		},
	};
	loader.done = loadDataset(path, {
		warn,
		onProgress: (done, total) => {
			loader.progress = {done, total};
			notify();
		},
	}).then(
		(dataset) => {
			loader.dataset = dataset;
			notify();
		},
		(error: unknown) => {
			warn(error instanceof Error ? error.message : String(error));
			loader.dataset = emptyDataset(path);
			notify();
		},
	);
	return loader;
}

import {useEffect, useRef, type Dispatch} from 'react';
import {DatasetError, findEntry, loadDataset, openArticle, type Dataset} from '../../dataset/load';
import type {Action} from '../state';

/** Reads the dataset once, reporting progress, then reads each article the reader asks for. */
export function useDataset(path: string, pending: string | undefined, dispatch: Dispatch<Action>, warn: (message: string) => void): void {
	const dataset = useRef<Dataset | undefined>(undefined);

	useEffect(() => {
		let cancelled = false;
		loadDataset(path, {warn, onProgress: (done, total) => !cancelled && dispatch({type: 'progress', done, total})}).then(
			(loaded) => {
				if (cancelled) return;
				dataset.current = loaded;
				dispatch({type: 'dataset', entries: loaded.entries});
			},
			(error: unknown) => {
				warn(error instanceof Error ? error.message : String(error));
				if (!cancelled) dispatch({type: 'dataset', entries: []});
			},
		);
		return () => {
			cancelled = true;
		};
	}, [path, dispatch, warn]);

	useEffect(() => {
		const loaded = dataset.current;
		if (!pending || !loaded) return;
		const entry = findEntry(loaded, pending);
		try {
			if (!entry) throw new DatasetError(`no article with id ${pending}`);
			dispatch({type: 'article', article: openArticle(entry, loaded.titles)});
		} catch (error) {
			dispatch({type: 'article-failed', id: pending, message: error instanceof Error ? error.message : String(error)});
		}
	}, [pending, dispatch]);
}

import {useEffect, type Dispatch} from 'react';
import type {DatasetLoader} from '../loader';
import {pendingArticle, reducer, type Action, type State} from '../state';

/** Passes the loader's progress, then its dataset, to the reducer (unless it was ready at the start). */
export function useDatasetProgress(loader: DatasetLoader, dispatch: Dispatch<Action>): void {
	useEffect(() => {
		if (loader.dataset) return;
		return loader.subscribe(() => {
			if (loader.dataset) dispatch({type: 'dataset', entries: loader.dataset.entries});
			else dispatch({type: 'progress', ...loader.progress});
		});
	}, [loader, dispatch]);
}

/**
 * The reducer with the one thing it cannot do itself: reading an article from disk. When a step
 * leaves the reader on an article not yet read, it is read at once, so no "Opening…" frame shows.
 */
export function readingReducer(loader: DatasetLoader): (state: State, action: Action) => State {
	return (state, action) => {
		const next = reducer(state, action);
		const id = pendingArticle(next);
		if (!id) return next;
		try {
			return reducer(next, {type: 'article', article: loader.open(id)});
		} catch (error) {
			return reducer(next, {type: 'article-failed', id, message: error instanceof Error ? error.message : String(error)});
		}
	};
}

/** The first state: with the dataset, and its one article opened, when they were ready in time. */
export function startingState(initial: State, loader: DatasetLoader): State {
	if (!loader.dataset) return loader.progress.total > 0 ? reducer(initial, {type: 'progress', ...loader.progress}) : initial;
	return readingReducer(loader)(initial, {type: 'dataset', entries: loader.dataset.entries});
}

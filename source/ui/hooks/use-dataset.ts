import {useEffect, useRef, type Dispatch} from 'react';
import type {ArticleList} from '../../dataset/article-list';
import type {DatasetLoader} from '../loader';
import {pendingArticle, reducer, type Action, type State} from '../state';

/**
 * Passes the loader's progress, each new list (the first, and one after each refresh of the index)
 * and a background refresh's progress to the reducer.
 */
export function useDatasetProgress(loader: DatasetLoader, dispatch: Dispatch<Action>): void {
	const shown = useRef<ArticleList | undefined>(loader.list);
	useEffect(
		() =>
			loader.subscribe(() => {
				if (loader.list && loader.list !== shown.current) {
					shown.current = loader.list;
					dispatch({type: 'dataset', dataset: loader.list, searchable: loader.search !== undefined});
				} else if (!loader.list) dispatch({type: 'progress', ...loader.progress});
				dispatch({type: 'refreshing', progress: loader.refreshing});
			}),
		[loader, dispatch],
	);
}

/**
 * The reducer with the one thing it cannot do itself: reading an article from disk. When a step
 * leaves the reader on an article not yet read, it is read at once, so no "Opening…" frame shows.
 */
export function readingReducer(loader: DatasetLoader): (state: State, action: Action) => State {
	return (state, action) => {
		let next = reducer(state, action);
		if (next.wantSearch !== null && loader.search) {
			try {
				next = reducer(next, {type: 'found', query: next.wantSearch, hits: loader.search(next.wantSearch)});
			} catch (error) {
				next = reducer(next, {type: 'search-failed', message: error instanceof Error ? error.message : String(error)});
			}
		}
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
	if (!loader.list) return loader.progress.total > 0 ? reducer(initial, {type: 'progress', ...loader.progress}) : initial;
	return readingReducer(loader)(initial, {type: 'dataset', dataset: loader.list, searchable: loader.search !== undefined});
}

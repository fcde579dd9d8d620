import {useEffect, useRef, type Dispatch} from 'react';
import type {Marks} from '../../state/marks';
import type {MarkStore} from '../../state/store';
import type {Action} from '../state';

// Marks are written this long after the last change: a burst of keys makes one write.
const SAVE_DELAY_MS = 300;

/**
 * Writes the marks whenever they change (soon after, and at once when the reader quits), and
 * hands the merged marks (with another reader's) back to the reducer.
 */
export function useMarks(store: MarkStore | undefined, marks: Marks, quitting: boolean, dispatch: Dispatch<Action>, warn: (message: string) => void, problem: string): void {
	const saved = useRef(marks);
	const failed = useRef(false);
	useEffect(() => {
		if (!store || marks === saved.current) return;
		const save = () => {
			try {
				const merged = store.save(marks);
				saved.current = merged;
				dispatch({type: 'marks', marks: merged});
			} catch (error) {
				saved.current = marks;
				// Said once, not at every mark: the reader goes on, remembering for this run only.
				if (failed.current) return;
				failed.current = true;
				warn(`cannot save what was read in ${store.file}: ${(error as Error).message}`);
				dispatch({type: 'notice', notice: problem});
			}
		};
		if (quitting) {
			save();
			return;
		}
		const timer = setTimeout(save, SAVE_DELAY_MS);
		return () => clearTimeout(timer);
	}, [store, marks, quitting, dispatch, warn, problem]);
}

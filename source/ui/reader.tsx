import {useApp} from 'ink';
import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import type {Marks} from '../state/marks';
import type {MarkStore} from '../state/store';
import {App} from './components/app';
import {readingReducer, startingState, useDatasetProgress} from './hooks/use-dataset';
import {useEffects} from './hooks/use-effects';
import {useMarks} from './hooks/use-marks';
import {useReaderInput} from './hooks/use-reader-input';
import {terminalSize, useTerminalResize} from './hooks/use-terminal-size';
import type {DatasetLoader} from './loader';
import type {Setup} from './model';
import type {Size} from './panes';
import {initialState, reducer} from './state';

type Props = {
	loader: DatasetLoader;
	name: string;
	stdout: NodeJS.WriteStream;
	setup: Setup;
	marks: Marks;
	store?: MarkStore;
	/** A notice for the first frame (a configuration that could not be used). */
	notice?: string | null;
	warn: (message: string) => void;
	/** Hands over a function that saves the marks now, as quitting would (for signals and errors). */
	onFlush?: (flush: () => void) => void;
};

/** The reader: state, input, terminal size, loading and the marks on disk wired together around the render-only App. */
export function Reader({loader, name, stdout, setup, marks, store, notice = null, warn, onFlush}: Props) {
	const reduce = useMemo(() => readingReducer(loader), [loader]);
	const [state, dispatch] = useReducer(reduce, undefined, () => ({...startingState(initialState(terminalSize(stdout), name, setup, marks), loader), notice}));
	const onResize = useCallback((size: Size) => dispatch({type: 'resize', size}), []);
	useTerminalResize(stdout, onResize);
	useReaderInput(dispatch);
	useDatasetProgress(loader, dispatch);
	// Before the exit below: the last marks are written as the reader quits.
	useMarks(store, state.marks, state.quit, dispatch, warn, state.setup.text.notices.stateProblem);
	useEffects(state.effect, state.setup.text, stdout, dispatch);
	const latest = useRef(state);
	latest.current = state;
	useEffect(() => {
		onFlush?.(() => {
			// As quitting would: the place in the article on screen is kept too.
			if (store) store.save(reducer(latest.current, {type: 'command', command: 'quit'}).marks);
		});
	}, [onFlush, store]);
	const {exit} = useApp();
	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);
	return <App state={state} />;
}

import {useApp} from 'ink';
import {useCallback, useEffect, useMemo, useReducer} from 'react';
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
import {initialState} from './state';

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
};

/** The reader: state, input, terminal size, loading and the marks on disk wired together around the render-only App. */
export function Reader({loader, name, stdout, setup, marks, store, notice = null, warn}: Props) {
	const reduce = useMemo(() => readingReducer(loader), [loader]);
	const [state, dispatch] = useReducer(reduce, undefined, () => ({...startingState(initialState(terminalSize(stdout), name, setup, marks), loader), notice}));
	const onResize = useCallback((size: Size) => dispatch({type: 'resize', size}), []);
	useTerminalResize(stdout, onResize);
	useReaderInput(dispatch);
	useDatasetProgress(loader, dispatch);
	// Before the exit below: the last marks are written as the reader quits.
	useMarks(store, state.marks, state.quit, dispatch, warn, state.setup.text.notices.stateProblem);
	useEffects(state.effect, state.setup.text, stdout, dispatch);
	const {exit} = useApp();
	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);
	return <App state={state} />;
}

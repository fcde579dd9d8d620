import {useApp} from 'ink';
import {useCallback, useEffect, useMemo, useReducer} from 'react';
import {App} from './components/app';
import {readingReducer, startingState, useDatasetProgress} from './hooks/use-dataset';
import {useReaderInput} from './hooks/use-reader-input';
import {terminalSize, useTerminalResize} from './hooks/use-terminal-size';
import type {DatasetLoader} from './loader';
import type {Size} from './panes';
import {initialState} from './state';

type Props = {loader: DatasetLoader; name: string; stdout: NodeJS.WriteStream};

/** The reader: state, input, terminal size and loading wired together around the render-only App. */
export function Reader({loader, name, stdout}: Props) {
	const reduce = useMemo(() => readingReducer(loader), [loader]);
	const [state, dispatch] = useReducer(reduce, undefined, () => startingState(initialState(terminalSize(stdout), name), loader));
	const onResize = useCallback((size: Size) => dispatch({type: 'resize', size}), []);
	useTerminalResize(stdout, onResize);
	useReaderInput(dispatch);
	useDatasetProgress(loader, dispatch);
	const {exit} = useApp();
	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);
	return <App state={state} />;
}

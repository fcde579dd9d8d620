import {useApp} from 'ink';
import {useCallback, useEffect, useReducer} from 'react';
import {App} from './components/app';
import {useDataset} from './hooks/use-dataset';
import {useReaderInput} from './hooks/use-reader-input';
import {terminalSize, useTerminalResize} from './hooks/use-terminal-size';
import type {Size} from './panes';
import {initialState, pendingArticle, reducer} from './state';

type Props = {path: string; name: string; stdout: NodeJS.WriteStream; warn: (message: string) => void};

/** The reader: state, input, terminal size and loading wired together around the render-only App. */
export function Reader({path, name, stdout, warn}: Props) {
	const [state, dispatch] = useReducer(reducer, undefined, () => initialState(terminalSize(stdout), name));
	const onResize = useCallback((size: Size) => dispatch({type: 'resize', size}), []);
	useTerminalResize(stdout, onResize);
	useReaderInput(dispatch);
	useDataset(path, pendingArticle(state), dispatch, warn);
	const {exit} = useApp();
	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);
	return <App state={state} />;
}

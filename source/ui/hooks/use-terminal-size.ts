import {useEffect} from 'react';
import type {Size} from '../panes';

export function terminalSize(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** Calls `onResize` with the terminal's new size on every resize. */
export function useTerminalResize(stdout: NodeJS.WriteStream, onResize: (size: Size) => void): void {
	useEffect(() => {
		const update = () => onResize(terminalSize(stdout));
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, onResize]);
}

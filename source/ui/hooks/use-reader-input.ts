import {useInput, useStdin} from 'ink';
import {useCallback, type Dispatch} from 'react';
import {isMouseReport, mouseEvents} from '../mouse';
import type {Action} from '../state';

/** Hands every key press (and mouse report) to the reducer, which resolves it through the key map. */
export function useReaderInput(dispatch: Dispatch<Action>): void {
	const {isRawModeSupported} = useStdin();
	const handle = useCallback(
		(input: string, key: import('ink').Key) => {
			// Mouse reports come as text: they must never be taken for typed keys.
			if (isMouseReport(input)) {
				for (const event of mouseEvents(input)) dispatch({type: 'mouse', ...event});
				return;
			}
			dispatch({
				type: 'key',
				input,
				key: {
					upArrow: key.upArrow, downArrow: key.downArrow, leftArrow: key.leftArrow, rightArrow: key.rightArrow,
					pageUp: key.pageUp, pageDown: key.pageDown, home: key.home, end: key.end,
					return: key.return, escape: key.escape, tab: key.tab, backspace: key.backspace, delete: key.delete,
					ctrl: key.ctrl, meta: key.meta, shift: key.shift,
				},
			});
		},
		[dispatch],
	);
	useInput(handle, {isActive: Boolean(isRawModeSupported)});
}

import {spawn} from 'node:child_process';
import {useEffect, type Dispatch} from 'react';
import {displayText} from '../../text/display';
import type {Effect} from '../model';
import type {Messages} from '../messages';
import type {Action} from '../state';

/** The command that opens a web address in the browser, run without a shell. */
function opener(): string {
	return process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
}

/** The clipboard escape (OSC 52): the terminal puts the text on the system clipboard. */
export const copySequence = (text: string) => `\u001b]52;c;${Buffer.from(text).toString('base64')}\u0007`;

/** Carries out what the reducer asked for (open or copy a web address) and reports back. */
export function useEffects(effect: Effect | null, text: Messages, stdout: NodeJS.WriteStream, dispatch: Dispatch<Action>): void {
	useEffect(() => {
		if (!effect) return;
		if (effect.kind === 'copy') {
			stdout.write(copySequence(effect.url));
			dispatch({type: 'effect-done', notice: text.notices.copied});
			return;
		}
		// The address was checked to be http(s) and is one argument: no shell ever sees it.
		const child = spawn(opener(), [effect.url], {stdio: 'ignore', detached: true, shell: false});
		child.on('error', (error) => {
			const code = (error as NodeJS.ErrnoException).code;
			dispatch({type: 'effect-done', notice: text.notices.openFailed(code === 'ENOENT' ? `${opener()} was not found` : code ?? error.message)});
		});
		child.unref();
		dispatch({type: 'effect-done', notice: text.notices.opening(displayText(effect.url))});
	}, [effect, text, stdout, dispatch]);
}

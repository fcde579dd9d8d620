// Every way out of the reader (q, Ctrl+C, SIGTERM, SIGHUP, an uncaught error or rejection, a plain
// exit) puts the screen, the cursor, the keyboard mode and the mouse back as they were.
import {diagnostic} from '../text/sanitize';
import {MOUSE_OFF, MOUSE_ON} from './mouse';

export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
export const SHOW_CURSOR = '\u001b[?25h';

type Process = Pick<NodeJS.Process, 'on' | 'off' | 'exit'>;

export type GuardOptions = {
	stdout: Pick<NodeJS.WritableStream, 'write'>;
	stderr: Pick<NodeJS.WritableStream, 'write'>;
	keys: Pick<NodeJS.ReadStream, 'isTTY' | 'setRawMode'>;
	/** Stops drawing (unmounts the app); called before the terminal is restored. */
	stopDrawing: () => void;
	/** Reports the mouse while the reader runs (never after). */
	mouse?: boolean;
	/** Last words before a signal or an error ends the process: what must not be lost (the marks). */
	beforeExit?: () => void;
	process?: Process;
};

const SIGNAL_STATUS: Partial<Record<NodeJS.Signals, number>> = {SIGTERM: 143, SIGHUP: 129, SIGINT: 130, SIGQUIT: 131};

/** Enters the alternate screen and returns `restore`, which is safe to call any number of times. */
export function guardTerminal({stdout, stderr, keys, stopDrawing, mouse = false, beforeExit, process: target = process}: GuardOptions): {restore: () => void} {
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		target.off('exit', restore);
		if (keys.isTTY) keys.setRawMode?.(false);
		stdout.write((mouse ? MOUSE_OFF : '') + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};
	const leave = (status: number, message?: string) => {
		try {
			beforeExit?.();
		} catch {
			// Saving failed: the terminal is put back all the same.
		}
		try {
			stopDrawing();
		} finally {
			restore();
			if (message) stderr.write(diagnostic(message));
			target.exit(status);
		}
	};
	for (const [signal, status] of Object.entries(SIGNAL_STATUS)) target.on(signal as NodeJS.Signals, () => leave(status));
	const onError = (error: unknown) => leave(1, error instanceof Error ? error.message : String(error));
	target.on('uncaughtException', onError);
	target.on('unhandledRejection', onError);
	target.on('exit', restore);
	// Keys are read raw from the first moment, before Ink asks for it after its first frame, so a
	// Ctrl+C pressed early is a key like any other and not a signal.
	if (keys.isTTY) keys.setRawMode?.(true);
	stdout.write(ENTER_ALTERNATE_SCREEN + (mouse ? MOUSE_ON : ''));
	return {restore};
}

// Starting and stopping the reader. It runs in the terminal's alternate screen, and every way out
// (q, Ctrl+C, SIGTERM, SIGHUP, an uncaught error) puts the screen, the cursor and the keyboard mode
// back as they were.
import {render} from 'ink';
import {startLoading} from './loader';
import {Reader} from './reader';

// How long the first frame may wait for the dataset: a small one is then drawn ready, at once;
// a larger one shows its progress from this moment on.
const READY_WITHIN_MS = 60;

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

export async function runReader(path: string, name: string, keys: NodeJS.ReadStream): Promise<void> {
	const {stdout, stderr} = process;
	const warnings: string[] = [];
	const warn = (message: string) => warnings.push(message);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		if (keys.isTTY) keys.setRawMode?.(false);
		stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};

	const loader = startLoading(path, warn);
	await Promise.race([loader.done, new Promise((resolve) => setTimeout(resolve, READY_WITHIN_MS))]);
	stdout.write(ENTER_ALTERNATE_SCREEN);
	const app = render(<Reader loader={loader} name={name} stdout={stdout} />, {
		stdout,
		stdin: keys,
		stderr,
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: 120,
	});

	const stop = (code: number) => {
		app.unmount();
		restore();
		process.exit(code);
	};
	const onSignal = (signal: NodeJS.Signals) => stop(signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 130);
	const onError = (error: unknown) => {
		try {
			app.unmount();
		} finally {
			restore();
			stderr.write(`docbao: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
			process.exit(1);
		}
	};
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('SIGINT', onSignal);
	process.on('uncaughtException', onError);
	process.on('unhandledRejection', onError);
	process.on('exit', restore);

	try {
		await app.waitUntilExit();
	} finally {
		restore();
		if (keys !== process.stdin) keys.destroy();
		else keys.pause();
		for (const message of warnings) stderr.write(`docbao: warning: ${message}\n`);
	}
}

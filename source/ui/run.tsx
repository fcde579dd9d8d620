// Starting and stopping the reader, in the terminal's alternate screen (see terminal-guard.ts).
import {render} from 'ink';
import {diagnostic} from '../text/sanitize';
import type {Marks} from '../state/marks';
import type {MarkStore} from '../state/store';
import {startLoading, type LoaderOptions} from './loader';
import type {Setup} from './model';
import {Reader} from './reader';
import {guardTerminal} from './terminal-guard';

// How long the first frame may wait for the dataset's list: a small dataset, or an index already
// built, is then drawn ready, at once; a larger one shows its progress from this moment on.
const READY_WITHIN_MS = 60;

export type ReaderOptions = LoaderOptions & {setup: Setup; marks: Marks; store?: MarkStore; notice?: string | null; warnings?: string[]};

export async function runReader(path: string, name: string, keys: NodeJS.ReadStream, options: ReaderOptions): Promise<void> {
	const {stdout, stderr} = process;
	const warnings: string[] = [...(options.warnings ?? [])];
	const warn = (message: string) => warnings.push(message);
	const loader = startLoading(path, warn, options);
	await Promise.race([loader.ready, new Promise((resolve) => setTimeout(resolve, READY_WITHIN_MS))]);
	let app: ReturnType<typeof render> | undefined;
	// Set by the reader: saves the marks, and the place in the article on screen, at once.
	let flush = () => {};
	const {restore} = guardTerminal({stdout, stderr, keys, stopDrawing: () => app?.unmount(), mouse: options.setup.mouse, beforeExit: () => flush()});
	app = render(
		<Reader
			loader={loader}
			name={name}
			stdout={stdout}
			setup={options.setup}
			marks={options.marks}
			store={options.store}
			notice={options.notice}
			warn={warn}
			onFlush={(save) => (flush = save)}
		/>,
		{
			stdout,
			stdin: keys,
			stderr,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 120,
		},
	);

	try {
		await app.waitUntilExit();
	} finally {
		restore();
		if (keys !== process.stdin) keys.destroy();
		else keys.pause();
		for (const message of warnings) stderr.write(diagnostic(`warning: ${message}`));
	}
}

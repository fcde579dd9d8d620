// Figures for big datasets (issue 9): indexing, warm listing, search, refresh, the reader's start
// and memory, on generated seed-shaped datasets of 10,000 and 100,000 pages, in a cache of their own.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, statSync, utimesSync, writeFileSync, createWriteStream} from 'node:fs';
import {join} from 'node:path';
import {openCatalog} from '../source/dataset/index/catalog';
import {median, timeAlternating} from './measure';
import {bareNode} from './reader';

export type Reporter = (name: string, value: string, target: string, met: boolean) => void;

const QUERIES = [
	'quang nam', 'Quảng Nam', 'hành chính', 'hanh chinh', 'cải cách', '"cải cách hành chính"', '"cai cach"', 'nông*', 'nong*',
	'đường', 'duong', 'thủ tướng', 'cam sành', '"cam sanh"', 'giá lúa', 'du lịch', 'tỉnh', 'phát triển', 'chế biến thủy sản', 'xe điện',
];

function timed(command: string[], env: NodeJS.ProcessEnv, shell = false): number {
	const started = performance.now();
	const result = shell
		? spawnSync('bash', ['-c', command.join(' ')], {env, stdio: ['ignore', 'ignore', 'pipe']})
		: spawnSync(command[0]!, command.slice(1), {env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30});
	if (result.status !== 0) throw new Error(`${command.join(' ')}: ${result.stderr}`);
	return performance.now() - started;
}

function folderBytes(folder: string): number {
	return readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

/**
 * The reader's first full frame on a dataset, started `runs` times in turn with a bare Node (the
 * machine is noisy: one start tells little): the medians of all three. A bare Node is started in a
 * pseudo-terminal, as the reader is and as the seed's bound is measured (bench/reader.ts), and
 * outside one, which starts faster and is reported beside it.
 */
async function readerStarts(cli: string, folder: string, env: NodeJS.ProcessEnv, runs: number): Promise<{firstFrame: number; bareInTerminal: number; bare: number}> {
	const frames: number[] = [];
	const bareInTerminal: number[] = [];
	const bare: number[] = [];
	for (let i = 0; i < runs; i++) {
		frames.push((await readerOnDataset(cli, folder, env, false)).firstFrame);
		bareInTerminal.push(...(await bareNode(1)));
		bare.push(timeAlternating([process.execPath, ['-e', '']], [process.execPath, ['-e', '']], 1)[0]!);
	}
	return {firstFrame: median(frames), bareInTerminal: median(bareInTerminal), bare: median(bare)};
}

/** The reader in a pseudo-terminal on a dataset: ms to the first full frame of its list, and peak RSS after paging to the end and back. */
async function readerOnDataset(cli: string, folder: string, env: NodeJS.ProcessEnv, paging = true): Promise<{firstFrame: number; peakMb: number}> {
	const term = new xterm.Terminal({cols: 120, rows: 36, allowProposedApi: true});
	const clean: Record<string, string> = {};
	for (const [key, value] of Object.entries({...env, TERM: 'xterm-256color'})) if (value !== undefined && key !== 'CI') clean[key] = value;
	const started = performance.now();
	const child = pty.spawn(process.execPath, [cli, folder], {cols: 120, rows: 36, env: clean});
	child.onData((data) => term.write(data));
	const screen = () => Array.from({length: 36}, (_, y) => term.buffer.active.getLine(y)?.translateToString(true) ?? '').join('\n');
	const until = async (check: (text: string) => boolean) => {
		const begun = Date.now();
		while (!check(screen())) {
			if (Date.now() - begun > 60_000) throw new Error(`timed out; screen:\n${screen()}`);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
	};
	await until((text) => / articles/.test(text) && /\d+\/\d+ /.test(text));
	const firstFrame = performance.now() - started;
	for (let i = 0; i < (paging ? 3 : 0); i++) {
		child.write('G');
		await until((text) => /(\d+)\/\1 /.test(text));
		child.write('g');
		await until((text) => / 1\/\d+ /.test(text));
	}
	const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
	const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	child.write('q');
	await new Promise((resolve) => child.onExit(resolve));
	return {firstFrame, peakMb};
}

/** One JSON Lines file of the pages of a folder, one record each. */
async function asJsonLines(folder: string, file: string): Promise<void> {
	const out = createWriteStream(file);
	for (const name of readdirSync(folder).sort()) {
		const line = JSON.stringify({id: name.replace(/\.txt$/, ''), text: readFileSync(join(folder, name), 'utf8')}) + '\n';
		if (!out.write(line)) await new Promise((resolve) => out.once('drain', () => resolve(undefined)));
	}
	await new Promise((resolve) => out.end(() => resolve(undefined)));
}

export async function indexFigures(cli: string, folder: string, cache: string, report: Reporter): Promise<void> {
	const env = {...process.env, XDG_CACHE_HOME: cache};
	const pages = readdirSync(folder).length;
	const label = pages.toLocaleString('en');
	const first = timed([process.execPath, cli, 'list', folder], env);
	report(`first indexing, ${label} pages`, `${(first / 1000).toFixed(1)} s`, pages >= 100_000 ? '<= 60 s' : '', pages < 100_000 || first <= 60_000);
	const warm = median([0, 1, 2].map(() => timed([process.execPath, cli, 'list', folder], env)));
	report(`list of ${label}, warm, into a pipe`, `${warm.toFixed(0)} ms`, pages >= 100_000 ? '<= 1500 ms' : '', pages < 100_000 || warm <= 1500);
	const [bare, head] = timeAlternating([process.execPath, ['-e', '']], ['bash', ['-c', `XDG_CACHE_HOME=${cache} ${process.execPath} ${cli} list ${folder} | head -20`]], 5);
	report(`list ${label} | head -20 / bare node`, `${(head / bare).toFixed(2)}x`, '<= 4x', head / bare <= 4);
	// Against the bare starts taken in turn with it, as each ratio here is.
	const [searchBare, searchProcess] = timeAlternating([process.execPath, ['-e', '']], [process.execPath, [cli, 'search', 'cải cách', folder, '--limit', '20', '--no-refresh']], 5);
	report(`search process (--no-refresh) / bare node`, `${(searchProcess / searchBare).toFixed(2)}x`, '<= 3x', searchProcess / searchBare <= 3);
	const searchRefreshed = median([0, 1, 2].map(() => timed([process.execPath, cli, 'search', 'cải cách', folder, '--limit', '20'], env)));
	report(`search process with its refresh`, `${searchRefreshed.toFixed(0)} ms`, '', true);

	const catalog = openCatalog(folder, {env, warn: () => {}});
	const times: number[] = [];
	for (let round = 0; round < 3; round++) {
		for (const query of QUERIES) {
			const started = performance.now();
			catalog.search(query, {limit: 20});
			if (round > 0) times.push(performance.now() - started);
		}
	}
	report(`search in-process, 20 queries, median`, `${median(times).toFixed(1)} ms`, '<= 50 ms', median(times) <= 50);
	report(`  slowest`, `${Math.max(...times).toFixed(1)} ms`, '', true);
	const names = readdirSync(folder).sort();
	const now = new Date();
	for (let i = 0; i < 100; i++) utimesSync(join(folder, names[(i * 997) % names.length]!), now, new Date(now.getTime() + 1000 + i));
	const started = performance.now();
	const summary = await catalog.refresh();
	const refresh = performance.now() - started;
	report(`refresh after touching 100 of ${label}`, `${refresh.toFixed(0)} ms (${summary.changed} read)`, '<= 2000 ms', refresh <= 2000);
	const indexBytes = statSync(catalog.handle.file).size;
	catalog.close();
	report(`index size per 1,000 pages`, `${(indexBytes / pages / 1000).toFixed(1)} MB`, '', true);
	report(`  the pages themselves per 1,000`, `${(folderBytes(folder) / pages / 1000).toFixed(1)} MB`, '', true);

	const starts = await readerStarts(cli, folder, env, 5);
	report(`reader warm start, ${label}: first frame, median of 5`, `${starts.firstFrame.toFixed(0)} ms`, '', true);
	report(`  / bare node in a terminal`, `${(starts.firstFrame / starts.bareInTerminal).toFixed(2)}x`, '<= 4x', starts.firstFrame / starts.bareInTerminal <= 4);
	report(`  / bare node outside one`, `${(starts.firstFrame / starts.bare).toFixed(2)}x`, '', true);
	const reader = await readerOnDataset(cli, folder, env);
	report(`reader peak RSS, paged to the end and back`, `${reader.peakMb.toFixed(0)} MB`, '<= 200 MB', reader.peakMb <= 200);

	if (pages >= 100_000) {
		const jsonl = `${folder}.jsonl`;
		await asJsonLines(folder, jsonl);
		const records = timed([process.execPath, cli, 'list', jsonl], env);
		report(`first indexing, one JSON Lines file of ${label}`, `${(records / 1000).toFixed(1)} s`, '<= 60 s', records <= 60_000);
		writeFileSync(jsonl, '');
	}
}

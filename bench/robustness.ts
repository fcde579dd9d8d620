// Figures for bounded time and memory (issue 8): a JSON Lines line of 20 and 40 MB, gzip records
// of 1 MB each, `show` beside a huge sibling, and search keystrokes in a 100,000-line article.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {spawn} from 'node:child_process';
import {createWriteStream, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createGzip} from 'node:zlib';
import {median, timeAlternating, timeCommand} from './measure';

/** Peak resident memory of a command in MB, read from its VmHWM while it runs. */
export async function peakRss(command: string, args: string[]): Promise<{peakMb: number; ms: number}> {
	const started = performance.now();
	const child = spawn(command, args, {stdio: ['ignore', 'ignore', 'ignore']});
	let peak = 0;
	const sample = () => {
		try {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
		} catch {
			// The process has ended between two samples.
		}
	};
	const timer = setInterval(sample, 10);
	const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	clearInterval(timer);
	if (status !== 0) throw new Error(`${args.join(' ')} exited ${status}`);
	return {peakMb: peak, ms: performance.now() - started};
}

/** A JSON Lines file of one record whose text is `megabytes` long, on one line. */
export function writeLongRecord(folder: string, megabytes: number): string {
	const file = join(folder, `long-${megabytes}.jsonl`);
	const sentence = 'Một câu rất dài trong một bản ghi khổng lồ của tập dữ liệu. ';
	const text = `Bản ghi dài ${megabytes} MB\n\n${sentence.repeat(Math.ceil((megabytes * 1e6) / Buffer.byteLength(sentence)))}`;
	writeFileSync(file, JSON.stringify({id: 'long', text}) + '\n');
	return file;
}

/** A gzip JSON Lines file of `count` records of about 1 MB of text each. */
export async function writeGzipRecords(folder: string, count: number): Promise<string> {
	const file = join(folder, `records-${count}.jsonl.gz`);
	const gzip = createGzip();
	const done = new Promise((resolve) => gzip.pipe(createWriteStream(file)).on('finish', () => resolve(undefined)));
	const body = 'Nội dung lặp lại của một bài báo dài để đo bộ nhớ. '.repeat(20_000);
	for (let i = 0; i < count; i++) {
		if (!gzip.write(JSON.stringify({id: `r${i}`, title: `Bản ghi số ${i}`, text: body}) + '\n')) await new Promise((resolve) => gzip.once('drain', resolve));
	}
	gzip.end();
	await done;
	return file;
}

/** `show` of a small page alone, and of the same page beside a 50 MB sibling: medians in ms. */
export function showBesideHugeSibling(cli: string, folder: string, seed: string): [number, number] {
	const alone = join(folder, 'alone');
	const crowded = join(folder, 'crowded');
	mkdirSync(alone);
	mkdirSync(crowded);
	writeFileSync(join(alone, 'page.txt'), readFileSync(seed));
	writeFileSync(join(crowded, 'page.txt'), readFileSync(seed));
	writeFileSync(join(crowded, 'sibling.txt'), 'Một dòng rất dài không bao giờ hết. '.repeat(1_450_000));
	mkdirSync(join(crowded, 'below'));
	writeFileSync(join(crowded, 'below', 'deep.txt'), 'Một dòng rất dài khác. '.repeat(2_200_000));
	return timeAlternating([process.execPath, [cli, 'show', join(alone, 'page.txt')]], [process.execPath, [cli, 'show', join(crowded, 'page.txt')]], 7);
}

export function timeList(cli: string, file: string): number {
	return timeCommand(process.execPath, [cli, 'list', file], 3);
}

/**
 * Types a query into the search of a long article a key at a time, each after the previous
 * frame, and times key to frame: from writing the key to the frame that shows the query so far
 * arriving from the terminal (the raw output, not a terminal emulator's parse of it). Medians and
 * worst in ms.
 */
export async function searchKeystrokes(cli: string, page: string, query: string): Promise<{median: number; worst: number; coldMedian: number; first: number}> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries({...process.env, TERM: 'xterm-256color'})) if (value !== undefined && key !== 'CI') env[key] = value;
	const child = pty.spawn(process.execPath, [cli, page], {cols: 100, rows: 30, env});
	let output = '';
	let changed: (() => void) | undefined;
	child.onData((data) => {
		output += data;
		changed?.();
	});
	const until = async (check: () => boolean) => {
		const started = Date.now();
		while (!check()) {
			if (Date.now() - started > 20_000) throw new Error(`timed out; output:\n${JSON.stringify(output.slice(-600))}`);
			await Promise.race([new Promise<void>((resolve) => (changed = resolve)), new Promise((resolve) => setTimeout(resolve, 50))]);
		}
	};
	await until(() => /\d+\/\d+ \d+%/.test(output));
	output = '';
	child.write('/');
	await until(() => output.includes('/▏'));
	// The first pass folds the article (once) and warms the code; the second is what typing costs.
	const passes: number[][] = [];
	for (let pass = 0; pass < 2; pass++) {
		const times: number[] = [];
		let typed = '';
		for (const character of query) {
			typed += character;
			output = '';
			const started = performance.now();
			child.write(character);
			await until(() => output.includes(`/${typed}▏`));
			times.push(performance.now() - started);
		}
		passes.push(times);
		while (pass === 0 && typed !== '') {
			typed = typed.slice(0, -1);
			output = '';
			child.write('\u007f');
			await until(() => output.includes(`/${typed}▏`));
		}
	}
	// Esc and q in one chunk would read as Alt+q: the search is ended first.
	output = '';
	child.write('\r');
	await until(() => output.includes('\u001b[?2026l') && !output.includes('▏'));
	child.write('q');
	await new Promise((resolve) => child.onExit(resolve));
	const [cold, warm] = passes as [number[], number[]];
	return {median: median(warm), worst: Math.max(...warm), coldMedian: median(cold), first: cold[0]!};
}

/** Opens a page at 100x30, resizes the terminal to 1x12 and back, and times each until it is drawn. */
export async function resizeToOneColumn(cli: string, page: string): Promise<{narrow: number; back: number}> {
	const term = new xterm.Terminal({cols: 100, rows: 30, allowProposedApi: true});
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries({...process.env, TERM: 'xterm-256color'})) if (value !== undefined && key !== 'CI') env[key] = value;
	const child = pty.spawn(process.execPath, [cli, page], {cols: 100, rows: 30, env});
	let output = '';
	child.onData((data) => {
		output += data;
		term.write(data);
	});
	const screen = () => Array.from({length: term.rows}, (_, y) => term.buffer.active.getLine(y)?.translateToString(true) ?? '').join('\n');
	const until = async (check: () => boolean) => {
		const started = Date.now();
		while (!check()) {
			if (Date.now() - started > 60_000) throw new Error(`timed out; screen:\n${screen()}`);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
	};
	await until(() => /\d+\/\d+ \d+%/.test(screen()));
	output = '';
	let started = performance.now();
	term.resize(1, 12);
	child.resize(1, 12);
	// At one column nothing readable fits: the frame's arrival is the sign it was drawn.
	await until(() => output.length > 0);
	await new Promise((resolve) => setTimeout(resolve, 50));
	const narrow = performance.now() - started - 50;
	started = performance.now();
	term.resize(100, 30);
	child.resize(100, 30);
	await until(() => /\d+\/\d+ \d+%/.test(screen()));
	const back = performance.now() - started;
	child.write('q');
	await new Promise((resolve) => child.onExit(resolve));
	return {narrow, back};
}

// The reader's figures: start-up to the first full frame, key-to-frame latency while scrolling a
// 5,000-line article, and peak memory, all in a real pseudo-terminal.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {median} from './measure';
import {randomGenerator, vocabulary} from './generate';

const COLUMNS = 120;
const ROWS = 36;
const POSITION = /(\d+)\/(\d+) \d+%/;

type Terminal = {term: xterm.Terminal; process: pty.IPty; changed: () => Promise<void>; text: () => string};

function open(file: string, args: string[]): Terminal {
	const term = new xterm.Terminal({cols: COLUMNS, rows: ROWS, allowProposedApi: true});
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries({...process.env, TERM: 'xterm-256color'})) if (value !== undefined && key !== 'CI') env[key] = value;
	const child = pty.spawn(file, args, {cols: COLUMNS, rows: ROWS, env});
	let waiting: (() => void) | undefined;
	child.onData((data) => term.write(data, () => waiting?.()));
	const text = () => {
		const buffer = term.buffer.active;
		const rows: string[] = [];
		for (let y = 0; y < ROWS; y++) rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
		return rows.join('\n');
	};
	return {term, process: child, text, changed: () => new Promise((resolve) => (waiting = resolve))};
}

async function until(terminal: Terminal, check: (text: string) => boolean, timeout = 10_000): Promise<void> {
	const started = Date.now();
	while (!check(terminal.text())) {
		if (Date.now() - started > timeout) throw new Error(`timed out; screen:\n${terminal.text()}`);
		await Promise.race([terminal.changed(), new Promise((resolve) => setTimeout(resolve, 50))]);
	}
}

/** A page whose article runs to about 5,000 lines in the reader's article pane at 120 columns. */
export function writeLongArticle(folder: string, seedPath: string): string {
	const words = vocabulary(seedPath);
	const random = randomGenerator(5000);
	const sentence = () => Array.from({length: 14 + Math.floor(random() * 10)}, () => words[Math.floor(random() * words.length)]).join(' ') + '.';
	const paragraphs = Array.from({length: 1350}, () => Array.from({length: 3}, sentence).join(' '));
	const file = join(folder, 'long-article.txt');
	writeFileSync(file, ['Một bài rất dài để đo tốc độ cuộn', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', ...paragraphs].join('\n\n'));
	return file;
}

export async function startUp(cli: string, page: string, runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const terminal = open(process.execPath, [cli, page]);
		await until(terminal, (text) => POSITION.test(text) && text.includes('Quảng Nam'));
		times.push(performance.now() - started);
		terminal.process.write('q');
		await new Promise((resolve) => terminal.process.onExit(resolve));
	}
	return times;
}

export async function bareNode(runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const terminal = open(process.execPath, ['-e', '']);
		await new Promise((resolve) => terminal.process.onExit(resolve));
		times.push(performance.now() - started);
	}
	return times;
}

export type ScrollFigures = {lines: number; median: number; worst: number; peakRssMb: number};

/** Presses j `presses` times, each after the previous frame, timing key to frame. */
export async function scrolling(cli: string, page: string, presses: number): Promise<ScrollFigures> {
	const terminal = open(process.execPath, [cli, page]);
	await until(terminal, (text) => POSITION.test(text));
	const [, , total] = POSITION.exec(terminal.text())!;
	const times: number[] = [];
	for (let i = 0; i < presses; i++) {
		await until(terminal, (text) => POSITION.test(text));
		const before = POSITION.exec(terminal.text())![1];
		const started = performance.now();
		terminal.process.write(i % 50 === 49 ? 'G' : 'j');
		await until(terminal, (text) => POSITION.exec(text)?.[1] !== before);
		times.push(performance.now() - started);
		if (i % 50 === 49) {
			terminal.process.write('g');
			await until(terminal, (text) => POSITION.exec(text)?.[1] === String(ROWS - 1 - 1));
		}
	}
	const status = readFileSync(`/proc/${terminal.process.pid}/status`, 'utf8');
	const peak = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	terminal.process.write('q');
	await new Promise((resolve) => terminal.process.onExit(resolve));
	return {lines: Number(total), median: median(times), worst: Math.max(...times), peakRssMb: peak};
}

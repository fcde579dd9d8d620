import {spawnSync} from 'node:child_process';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall time of a command in milliseconds, the median of `runs` runs after one warm-up. */
export function timeCommand(command: string, args: string[], runs: number, env: NodeJS.ProcessEnv = process.env): number {
	const times: number[] = [];
	for (let i = 0; i <= runs; i++) {
		const started = process.hrtime.bigint();
		const result = spawnSync(command, args, {stdio: ['ignore', 'ignore', 'pipe'], env});
		const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
		if (i > 0) times.push(elapsed);
	}
	return median(times);
}

/**
 * Wall times of two commands in milliseconds, run in turn (a, b, a, b, …) so that a change in the
 * machine's load touches both alike: the medians of `runs` runs each, after one warm-up.
 */
export function timeAlternating(a: [string, string[]], b: [string, string[]], runs: number): [number, number] {
	timeCommand(a[0], a[1], 0);
	timeCommand(b[0], b[1], 0);
	const first: number[] = [];
	const second: number[] = [];
	for (let i = 0; i < runs; i++) {
		first.push(timeCommand(a[0], a[1], 1));
		second.push(timeCommand(b[0], b[1], 1));
	}
	return [median(first), median(second)];
}

export const format = (value: number, digits = 1) => value.toFixed(digits);

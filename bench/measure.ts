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

export const format = (value: number, digits = 1) => value.toFixed(digits);

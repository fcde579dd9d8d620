import {spawnSync, type SpawnSyncOptions} from 'node:child_process';
import {cliPath} from './pages';

export type Run = {status: number | null; stdout: string; stderr: string};

/** The built CLI, run as a user would run it, without the CI variable (Ink draws nothing under it). */
export function runCli(args: string[], options: SpawnSyncOptions = {}): Run {
	const env = {...process.env, ...(options.env ?? {})};
	delete env.CI;
	const result = spawnSync(process.execPath, [cliPath, ...args], {encoding: 'utf8', ...options, env});
	return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)};
}

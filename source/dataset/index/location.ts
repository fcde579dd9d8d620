// Where a dataset's index lives: one SQLite file per dataset under the XDG cache directory
// ($XDG_CACHE_HOME/docbao, else ~/.cache/docbao), named after the dataset's real path. The index
// is a cache: deleting it loses nothing.
import {createHash} from 'node:crypto';
import {realpathSync} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, join, resolve} from 'node:path';

export function cacheDirectory(env: NodeJS.ProcessEnv): string {
	const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
	return join(base, 'docbao');
}

/** The dataset's real path, the key of its index. */
export function datasetKey(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return resolve(path);
	}
}

export function indexFile(key: string, env: NodeJS.ProcessEnv): string {
	const name = createHash('sha256').update(key).digest('hex').slice(0, 24);
	return join(cacheDirectory(env), `${name}.sqlite`);
}

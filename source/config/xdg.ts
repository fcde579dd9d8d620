// The XDG base directories (config, state): the variable when it names an absolute path, else the
// usual place under the home folder. The index's cache has its own rule in dataset/index/location.ts.
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

const FALLBACK = {config: ['.config'], state: ['.local', 'state']} as const;
const VARIABLE = {config: 'XDG_CONFIG_HOME', state: 'XDG_STATE_HOME'} as const;

/** docbao's own folder of a kind, such as `~/.config/docbao`. */
export function docbaoDir(kind: 'config' | 'state', env: NodeJS.ProcessEnv): string {
	const value = env[VARIABLE[kind]];
	// The spec says a relative path is to be ignored.
	const base = value && isAbsolute(value) ? value : join(env.HOME || homedir(), ...FALLBACK[kind]);
	return join(base, 'docbao');
}

// Tests never touch the real home: the cache (indexes), state and config of every docbao they run,
// in process or as a child, live in one temporary folder, removed at the end.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export default function setup(): () => void {
	const home = mkdtempSync(join(tmpdir(), 'docbao-test-home-'));
	process.env.XDG_CACHE_HOME = join(home, 'cache');
	process.env.XDG_STATE_HOME = join(home, 'state');
	process.env.XDG_CONFIG_HOME = join(home, 'config');
	return () => rmSync(home, {recursive: true, force: true});
}

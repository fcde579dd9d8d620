// `npm start` builds only when the bundle is older than what it is built from (the sources, the
// build script, the package files), so a start after the first costs no build.
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(path) {
	const stats = statSync(path, {throwIfNoEntry: false});
	if (!stats) return 0;
	if (!stats.isDirectory()) return stats.mtimeMs;
	return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = statSync(join(root, 'dist', 'cli.js'), {throwIfNoEntry: false})?.mtimeMs ?? 0;
const inputs = ['source', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'].map((name) => newest(join(root, name)));
if (built === 0 || Math.max(...inputs) > built) {
	const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
	process.exitCode = result.status ?? 1;
}

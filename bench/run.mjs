// `npm run bench`: bundles the TypeScript benchmark with esbuild (as the CLI is bundled) and runs it.
import {build} from 'esbuild';
import {lazyLinkedomListeners} from '../scripts/build-plugins.mjs';
import {mkdirSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';

const out = fileURLToPath(new URL('../.bench-tmp/suite.mjs', import.meta.url));
mkdirSync(fileURLToPath(new URL('../.bench-tmp', import.meta.url)), {recursive: true});
await build({
	entryPoints: {suite: fileURLToPath(new URL('suite.ts', import.meta.url)), 'read-part': fileURLToPath(new URL('read-part.ts', import.meta.url))},
	outdir: fileURLToPath(new URL('../.bench-tmp', import.meta.url)),
	outExtension: {'.js': '.mjs'},
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// Bundled as the CLI is, with the CLI's patch of linkedom, so parsing is timed as it ships;
	// native modules (SQLite, the pseudo-terminal) cannot be bundled.
	external: ['better-sqlite3', '@lydell/node-pty', '@xterm/*'],
	plugins: [lazyLinkedomListeners],
	alias: {'react-devtools-core': './scripts/empty.js'},
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	logLevel: 'warning',
});
await import(pathToFileURL(out).href);

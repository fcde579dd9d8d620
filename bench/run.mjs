// `npm run bench`: bundles the TypeScript benchmark with esbuild (as the CLI is bundled) and runs it.
import {build} from 'esbuild';
import {mkdirSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';

const out = fileURLToPath(new URL('../.bench-tmp/suite.mjs', import.meta.url));
mkdirSync(fileURLToPath(new URL('../.bench-tmp', import.meta.url)), {recursive: true});
await build({
	entryPoints: [fileURLToPath(new URL('suite.ts', import.meta.url))],
	outfile: out,
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning',
});
await import(pathToFileURL(out).href);

// Bundles the CLI with esbuild: one file starts faster than Node resolving hundreds of modules.
// The reader (Ink, React) is split into its own chunk, loaded only when the app opens.
import {build} from 'esbuild';
import {readFileSync, rmSync} from 'node:fs';

// meow evaluates its package.json normaliser (and the SPDX licence tables, sorted with the ICU
// collator) when it is imported, though it only calls it when asked for the package data, which
// docbao never does. Deferring that work takes about 20 ms off every start. The build fails if the
// line changes, so an upgrade of meow is noticed.
const deferMeowNormaliser = {
	name: 'defer-meow-normaliser',
	setup(build) {
		build.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, ({path}) => {
			const eager = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
			const source = readFileSync(path, 'utf8');
			if (!source.includes(eager)) throw new Error('meow changed: revisit defer-meow-normaliser in scripts/build.mjs');
			const lazy = 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);';
			return {contents: source.replace(eager, lazy), loader: 'js'};
		});
	},
};

rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	chunkNames: 'chunks/[name]-[hash]',
	// Ink imports react-devtools-core only for its dev tools; it is not installed.
	alias: {'react-devtools-core': './scripts/empty.js'},
	define: {'process.env.NODE_ENV': '"production"'},
	// Some bundled CommonJS calls require(): give the ESM bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	minify: !process.env.DOCBAO_NO_MINIFY,
	plugins: [deferMeowNormaliser],
	logLevel: 'warning',
});

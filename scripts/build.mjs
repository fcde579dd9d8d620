// Bundles the CLI with esbuild: one file starts faster than Node resolving hundreds of modules.
// The reader (Ink, React) is split into its own chunk, loaded only when the app opens.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {deferMeowNormaliser, fastStringWidth, keepInkOutputCaches, lazyEmojiPattern, lazyLinkedomListeners} from './build-plugins.mjs';

rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});

await build({
	entryPoints: {cli: 'source/cli.tsx', 'index-worker': 'source/dataset/index/worker.ts', 'list-worker': 'source/dataset/list-worker.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	chunkNames: 'chunks/[name]-[hash]',
	// Ink imports react-devtools-core only for its dev tools; it is not installed.
	alias: {'react-devtools-core': './scripts/empty.js'},
	// yoga-layout's loader asks whether `fetch` exists before it compiles its inlined WebAssembly,
	// and merely asking makes Node load its fetch implementation (about 8 ms). Nothing here fetches.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	// Some bundled CommonJS calls require(): give the ESM bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	minify: !process.env.DOCBAO_NO_MINIFY,
	plugins: [deferMeowNormaliser, fastStringWidth, keepInkOutputCaches, lazyEmojiPattern, lazyLinkedomListeners],
	logLevel: 'warning',
});

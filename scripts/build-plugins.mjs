// The build's guarded patches and substitutions, shared by the CLI's build and the benchmark's:
// each fails the build when the code it patches changes, so an upgrade is noticed.
import {readFileSync, realpathSync} from 'node:fs';
import {sep} from 'node:path';
import {fileURLToPath} from 'node:url';

// meow evaluates its package.json normaliser (and the SPDX licence tables, sorted with the ICU
// collator) when it is imported, though it only calls it when asked for the package data, which
// docbao never does. Deferring that work takes about 20 ms off every start. The build fails if the
// line changes, so an upgrade of meow is noticed.
export const deferMeowNormaliser = {
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

// Ink and its helpers measure every line of every frame with string-width, which is slow on
// non-ASCII text; they get the counting fast path of source/text/ink-string-width.ts instead.
export const fastStringWidth = {
	name: 'fast-string-width',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, ({importer}) =>
			importer.includes(`${sep}node_modules${sep}`) ? {path: fileURLToPath(new URL('../source/text/ink-string-width.ts', import.meta.url))} : undefined,
		);
	},
};

// string-width builds its emoji pattern (`\p{RGI_Emoji}` with the v flag, which V8 expands into
// every emoji sequence when the pattern is made) when it is imported: about 35 ms of every start,
// though docbao counts most text without it (source/text/width.ts) and a start may never measure
// an emoji. The pattern is made when string-width first meets a cluster that needs it. The build
// fails if the lines change, so an upgrade of string-width is noticed.
export const lazyEmojiPattern = {
	name: 'lazy-emoji-pattern',
	setup(build) {
		// The copy at the top of node_modules is the one bundled: every other import of string-width
		// is pointed at source/text/ink-string-width.ts, which imports that one. esbuild names a file
		// by its real path (node_modules may be a link), and the build fails if it never met the copy.
		const bundled = realpathSync(fileURLToPath(new URL('../node_modules/string-width/index.js', import.meta.url)));
		let patched = false;
		build.onStart(() => {
			patched = false;
		});
		build.onEnd((result) => {
			if (!patched && result.errors.length === 0) throw new Error('string-width was not bundled from node_modules/string-width: revisit lazy-emoji-pattern in scripts/build-plugins.mjs');
		});
		build.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, ({path}) => {
			if (path !== bundled) return undefined;
			patched = true;
			const source = readFileSync(path, 'utf8');
			const eager = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
			const use = 'rgiEmojiRegex.test(segment)';
			if (!source.includes(eager) || source.split(use).length !== 2) throw new Error('string-width changed: revisit lazy-emoji-pattern in scripts/build-plugins.mjs');
			return {
				contents: source.replace(eager, 'let rgiEmojiRegex;').replace(use, () => "(rgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment)"),
				loader: 'js',
			};
		});
	},
};

// Ink turns every line of every frame into styled characters, in caches that live for one frame
// only. Scrolling redraws mostly the same lines, so the caches are kept across frames (bounded),
// which halves the cost of a frame. The build fails if Ink's code changes under the patch.
export const keepInkOutputCaches = {
	name: 'keep-ink-output-caches',
	setup(build) {
		build.onLoad({filter: /ink[\\/]build[\\/]output\.js$/}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			const perFrame = '    caches = new OutputCaches();';
			const classStart = 'export default class Output {';
			if (!source.includes(perFrame) || !source.includes(classStart)) throw new Error('ink changed: revisit keep-ink-output-caches in scripts/build.mjs');
			const shared = 'let sharedCaches;\nconst keptCaches = () => {\n    if (!sharedCaches || sharedCaches.styledChars.size > 1000) sharedCaches = new OutputCaches();\n    return sharedCaches;\n};\n';
			return {contents: source.replace(classStart, shared + classStart).replace(perFrame, '    caches = keptCaches();'), loader: 'js'};
		});
	},
};

// linkedom gives every node, text nodes included, an event listener map in a WeakMap when it is
// made, though nothing here ever listens to a page's events. Making the map when a listener is
// first added halves the time a page takes to parse and spares the collector a WeakMap entry per
// node. The build fails if linkedom's code changes under the patch.
export const lazyLinkedomListeners = {
	name: 'lazy-linkedom-listeners',
	setup(build) {
		build.onLoad({filter: /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			const eager = '  constructor() {\n    wm.set(this, new Map);\n  }';
			const add = '    const map = wm.get(this);\n    if (!map.has(type)) ';
			const remove = '    const map = wm.get(this);\n    if (map.has(type)) {';
			if (!source.includes(eager) || !source.includes(add) || !source.includes(remove)) throw new Error('linkedom changed: revisit lazy-linkedom-listeners in scripts/build.mjs');
			return {
				contents: source
					.replace(eager, '  constructor() {\n  }')
					.replace(add, '    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n    if (!map.has(type)) ')
					.replace(remove, '    const map = wm.get(this);\n    if (map && map.has(type)) {'),
				loader: 'js',
			};
		});
	},
};

#!/usr/bin/env node
// The command line: argument parsing and output streams only. The work is in the modules below.
import meow from 'meow';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {run, UsageError} from './commands';
import {DatasetError} from './dataset/load';
import {keyboard} from './ui/keyboard';
import {diagnostic} from './text/sanitize';
import {colorMode, useColor} from './config/color';
import {DEFAULT_CONFIG, describeProblem, expandHome, loadConfig, type LoadedConfig} from './config/config';
import packageJson from '../package.json' with {type: 'json'};

const help = `
  Usage
    $ docbao [PATH]                    read the dataset (the reader on a terminal, plain text in a pipe)
    $ docbao list [PATH]               one line per article: id, date, title (newest first)
    $ docbao show ID|FILE|- [--data PATH]
                                       one article as plain text
    $ docbao search QUERY [PATH]       id, date, title and snippet of each match, best first
    $ docbao config [--path|--default] where the configuration is (and whether it is sound), or a
                                       commented default one

  PATH is a folder of pages read recursively — text pages (*.txt), HTML pages (*.html, *.htm,
  *.html.gz), and files of records: JSON Lines (*.jsonl, *.jsonl.gz), WARC archives (*.warc,
  *.warc.gz), Parquet (*.parquet) — or one such file, a pipe, or - for standard input. Without
  PATH, docbao reads the dataset the configuration names, else its bundled sample. Folders and
  files of records are indexed (SQLite, under ~/.cache/docbao) and kept up to date.
  QUERY: words (all must occur), "a phrase", prefix*; case and diacritics do not matter.

  Options
    --json          JSON instead of text (list, search: one object per line)
    --width N       wrap at N columns (default: the configured width, else the terminal's;
                    no wrapping in a pipe)
    --data PATH     the dataset that show looks IDs up in and links related stories to
    --since DATE, --until DATE, --site HOST
                    list and search only articles from/up to a date (2019-11-20), or of a site
    --bookmarked    list only the articles bookmarked in the reader (m)
    --limit N       search: at most N results (default 20 on a terminal, all in a pipe)
    --no-index      read the dataset without its index
    --no-refresh    use the index as it is, without looking for new or changed pages
    --rescan        look at every page's time, to find pages rewritten in place (list and
                    search otherwise look at folder times: pages added, removed or renamed)
    --color[=WHEN]  auto (the default), always or never; --no-color is never. NO_COLOR and
                    FORCE_COLOR are heeded. Without colour the reader still marks what matters.
    --no-mouse      leave the mouse to the terminal (its own text selection)
    --follow-links  follow links that lead out of the dataset's folder
    --field NAME=COLUMN
                    read a record's text, title, url, date or id from COLUMN (JSON Lines,
                    Parquet); repeat for several
    --verbose       say what was passed over (WARC requests, redirects, pages without an article)
    --links         plain text: number the links of an HTML page [1] and list their addresses
    --help          this help
    --version       the version

  Files
    ~/.config/docbao/config.toml       keys, theme, language, default dataset (docbao config --default)
    ~/.local/state/docbao/             what was read, bookmarks, where reading stopped
    ~/.cache/docbao/                   the indexes (a cache: deleting it loses nothing)

  Examples
    $ docbao list ~/news | fzf
    $ docbao search '"cam sành" gia*' ~/news --since 2019-01-01
    $ docbao show 000_70534d3c3e278d1a --width 72 | less
    $ curl -s https://example.org/page.txt | docbao show - --json
`;

// meow refuses a flag given twice (--color=never --color=always) with its own stack trace: one line instead.
const cli = parseArguments();

function parseArguments() {
	try {
		return readArguments();
	} catch (error) {
		process.stderr.write(diagnostic(`${(error as Error).message.replace(/^The flag/, 'the flag')} (docbao --help tells more)`));
		process.exit(2);
	}
}

function readArguments() {
	return meow(help, {
	importMeta: import.meta,
	// Given here, the package data is not searched for on disk at each start.
	pkg: {name: packageJson.name, version: packageJson.version},
	// Unknown flags are reported below, in one sanitised line: meow would print them raw.
	allowUnknownFlags: true,
	flags: {
		json: {type: 'boolean', default: false},
		width: {type: 'number'},
		data: {type: 'string'},
		// A string, for --color=WHEN; --no-color gives false, a bare --color an empty string.
		color: {type: 'string'},
		mouse: {type: 'boolean', default: true},
		bookmarked: {type: 'boolean', default: false},
		path: {type: 'boolean', default: false},
		default: {type: 'boolean', default: false},
		followLinks: {type: 'boolean', default: false},
		index: {type: 'boolean', default: true},
		refresh: {type: 'boolean', default: true},
		rescan: {type: 'boolean', default: false},
		limit: {type: 'number'},
		since: {type: 'string'},
		until: {type: 'string'},
		site: {type: 'string'},
		field: {type: 'string', isMultiple: true},
		verbose: {type: 'boolean', default: false},
		links: {type: 'boolean', default: false},
	},
	});
}

// A reader that stops reading stdout (`| head -1`) is no failure. Any other write error on stdout
// (a full disk) is one line and status 1. Warnings are a courtesy: when stderr is closed or full,
// they stop, and the output goes on to its end as if nothing happened, as with cat.
let stderrOpen = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	say(`cannot write the output: ${error.code === 'ENOSPC' ? 'no space left on the device' : error.message}`);
	process.exit(1);
});
process.stderr.on('error', () => {
	stderrOpen = false;
});

/** Writes to stderr while it can be written to. */
const errors = {
	write(text: string): boolean {
		if (!stderrOpen) return true;
		try {
			return process.stderr.write(text);
		} catch {
			stderrOpen = false;
			return true;
		}
	},
};

function say(message: string): void {
	errors.write(diagnostic(message));
}

const KNOWN_FLAGS = new Set(['json', 'width', 'data', 'color', 'mouse', 'bookmarked', 'path', 'default', 'follow-links', 'index', 'refresh', 'rescan', 'limit', 'since', 'until', 'site', 'field', 'verbose', 'links', 'help', 'version']);
const FLAGS_WITH_VALUES = new Set(['width', 'data', 'limit', 'since', 'until', 'site', 'field']);

/** Arguments that look like flags but are none of docbao's (those after `--` are plain arguments). */
function unknownFlags(argv: string[]): string[] {
	const unknown: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const item = argv[i]!;
		if (item === '--') break;
		if (item.length < 2 || !item.startsWith('-') || /^-\d/.test(item)) continue;
		const name = item.replace(/^--?/, '').replace(/=.*$/s, '');
		const known = KNOWN_FLAGS.has(name) || (name.startsWith('no-') && KNOWN_FLAGS.has(name.slice(3)));
		if (!known) unknown.push(item);
		else if (FLAGS_WITH_VALUES.has(name) && !item.includes('=')) i++;
	}
	return unknown;
}

const bundledData = fileURLToPath(new URL('../data', import.meta.url));
const workerScript = fileURLToPath(new URL('./index-worker.js', import.meta.url));
const listWorkerScript = fileURLToPath(new URL('./list-worker.js', import.meta.url));

/** The reader, when there is a terminal to draw on and to read keys from. Its code loads only then. */
function readerOpener(loaded: LoadedConfig, color: boolean): ((path: string) => Promise<boolean>) | undefined {
	if (!process.stdout.isTTY) return undefined;
	return async (path) => {
		const keys = keyboard();
		if (!keys) return false;
		// Ink draws nothing but the last frame when CI is set; on a terminal, a person is reading.
		delete process.env.CI;
		const [{runReader}, setup, {default: chalk}] = await Promise.all([import('./ui/run'), import('./ui/setup'), import('chalk')]);
		// chalk reads --no-color from the command line and ignores NO_COLOR: the decision made here
		// stands instead. Without colour, bold and reverse video still mark the selection.
		chalk.level = color ? Math.max(chalk.level, 1) as 1 | 2 | 3 : 1;
		const name = path === bundledData ? 'docbao data' : path === '-' ? 'standard input' : path;
		const warnings: string[] = [];
		const {options, notice} = setup.readerSetup(path, loaded, {env: process.env, color, mouse: cli.flags.mouse, warn: (message) => warnings.push(message)});
		await runReader(path, name, keys, {env: process.env, index: cli.flags.index, workerScript, listWorkerScript, followLinks: cli.flags.followLinks, ...options, notice, warnings});
		// Quit means quit: a dataset still loading in the background must not keep the process on.
		process.exit(process.exitCode ?? 0);
	};
}

try {
	const unknown = unknownFlags(process.argv.slice(2));
	if (unknown.length > 0) throw new UsageError(`unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')}`);
	const mode = colorMode(cli.flags.color as string | boolean | undefined);
	if (!mode) throw new UsageError(`--color takes auto, always or never: ${cli.flags.color}`);
	const loaded = cli.input[0] === 'config' ? undefined : await loadConfig(process.env);
	for (const problem of loaded?.problems ?? []) say(`warning: ${describeProblem(loaded!.path, problem)}; running on the defaults`);
	const {config} = loaded ?? {config: DEFAULT_CONFIG};
	await run(cli.input, {...cli.flags, color: mode}, {
		bundledData,
		defaultData: config.dataset ? expandHome(config.dataset, process.env) : undefined,
		defaultWidth: config.width,
		stdout: process.stdout,
		stderr: Object.assign(errors, {isTTY: process.stderr.isTTY, columns: process.stderr.columns}) as unknown as NodeJS.WritableStream,
		workerScript,
		listWorkerScript,
		env: process.env,
		pathExists: existsSync,
		openReader: readerOpener(loaded ?? {path: '', config: DEFAULT_CONFIG, problems: []}, useColor(mode, {env: process.env, isTTY: process.stdout.isTTY === true})),
	});
} catch (error) {
	if (error instanceof UsageError) {
		say(`${error.message} (usage: docbao [list|show|search] [QUERY] [PATH|ID] [--json] [--width N]; docbao --help tells more)`);
		process.exitCode = 2;
	} else if (error instanceof DatasetError) {
		say(error.message);
		process.exitCode = 1;
	} else {
		// A fault of docbao's own: one line, and the stack only when asked for.
		say(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
		if (process.env.DOCBAO_DEBUG && error instanceof Error) errors.write(`${error.stack}\n`);
		process.exitCode = 1;
	}
}

#!/usr/bin/env node
// The command line: argument parsing and output streams only. The work is in the modules below.
import meow from 'meow';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {run, UsageError} from './commands';
import {DatasetError} from './dataset/load';
import {keyboard} from './ui/keyboard';
import {diagnostic} from './text/sanitize';
import packageJson from '../package.json' with {type: 'json'};

const help = `
  Usage
    $ docbao [PATH]                    read the dataset (the reader on a terminal, plain text in a pipe)
    $ docbao list [PATH]               one line per article: id, date, title (newest first)
    $ docbao show ID|FILE|- [--data PATH]
                                       one article as plain text

  PATH is a folder of *.txt pages (read recursively), one page file, or - for standard input.
  Without PATH, docbao reads its bundled data/ folder.

  Options
    --json          JSON instead of text (list: one object per line)
    --width N       wrap at N columns (default: the terminal's width; no wrapping in a pipe)
    --data PATH     the dataset that show looks IDs up in and links related stories to
    --no-color      no colour (so does the NO_COLOR variable)
    --help          this help
    --version       the version

  Examples
    $ docbao list ~/news | fzf
    $ docbao show 000_70534d3c3e278d1a --width 72 | less
    $ curl -s https://example.org/page.txt | docbao show - --json
`;

const cli = meow(help, {
	importMeta: import.meta,
	// Given here, the package data is not searched for on disk at each start.
	pkg: {name: packageJson.name, version: packageJson.version},
	allowUnknownFlags: false,
	flags: {
		json: {type: 'boolean', default: false},
		width: {type: 'number'},
		data: {type: 'string'},
		color: {type: 'boolean', default: true},
	},
});

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const bundledData = fileURLToPath(new URL('../data', import.meta.url));

/** The reader, when there is a terminal to draw on and to read keys from. Its code loads only then. */
function readerOpener(): ((path: string) => Promise<boolean>) | undefined {
	if (!process.stdout.isTTY) return undefined;
	return async (path) => {
		const keys = keyboard();
		if (!keys) return false;
		const {runReader} = await import('./ui/run');
		const name = path === bundledData ? 'docbao data' : path === '-' ? 'standard input' : path;
		await runReader(path, name, keys);
		return true;
	};
}

try {
	await run(cli.input, cli.flags, {
		bundledData,
		stdout: process.stdout,
		stderr: process.stderr,
		env: process.env,
		pathExists: existsSync,
		openReader: readerOpener(),
	});
} catch (error) {
	if (error instanceof UsageError) {
		process.stderr.write(diagnostic(error.message) + 'Usage: docbao [list|show] [PATH|ID] [--json] [--width N] (see docbao --help)\n');
		process.exitCode = 2;
	} else if (error instanceof DatasetError) {
		process.stderr.write(diagnostic(error.message));
		process.exitCode = 1;
	} else {
		throw error;
	}
}

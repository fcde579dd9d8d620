// The commands behind the CLI: list, show, and reading a whole dataset. They write to the streams
// they are given, so tests can run them without a process.
import {statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {DatasetError, findEntry, loadDataset, openArticle, openInDataset} from './dataset/load';
import {renderArticleJson} from './render/json';
import {renderListJson, renderListLine} from './render/list';
import type {Article} from './article/types';
import {diagnostic} from './text/sanitize';

export class UsageError extends Error {}

export type Flags = {json: boolean; width?: number; data?: string; color: boolean};

export type Io = {
	bundledData: string;
	stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number};
	stderr: NodeJS.WritableStream;
	env: NodeJS.ProcessEnv;
	pathExists: (path: string) => boolean;
	/** Runs the interactive reader on PATH; false when there is no terminal to read keys from. */
	openReader?: (path: string) => Promise<boolean>;
};

function useColor(flags: Flags, io: Io): boolean {
	const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
	return flags.color && !noColor && io.stdout.isTTY === true;
}

function outputWidth(flags: Flags, io: Io): number {
	if (flags.width !== undefined) return flags.width;
	return io.stdout.isTTY ? io.stdout.columns ?? 80 : Number.POSITIVE_INFINITY;
}

function warner(io: Io) {
	return (message: string) => io.stderr.write(diagnostic(`warning: ${message}`));
}

// The plain renderer (chalk, string-width and its ICU segmenter) loads only when text is printed:
// `list` and `--json` do not pay for it at start-up.
async function formatArticle(article: Article, flags: Flags, io: Io): Promise<string> {
	if (flags.json) return renderArticleJson(article);
	const {renderPlain} = await import('./render/plain');
	return renderPlain(article, {width: outputWidth(flags, io), color: useColor(flags, io)});
}

async function list(path: string, flags: Flags, io: Io): Promise<void> {
	const dataset = await loadDataset(path, {warn: warner(io)});
	const lines = dataset.entries.map((entry) => (flags.json ? renderListJson(entry) : renderListLine(entry)));
	if (lines.length > 0) io.stdout.write(lines.join('\n') + '\n');
}

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

async function show(target: string, flags: Flags, io: Io): Promise<void> {
	const warn = warner(io);
	let article: Article;
	if (target === '-' || isFile(target)) {
		const page = await loadDataset(target, {warn});
		if (page.entries.length !== 1) {
			throw new DatasetError(`${target} holds ${page.entries.length} articles: show one with docbao show ID --data ${target} (docbao list ${target} gives the ids)`);
		}
		const linkTo = flags.data ?? (target === '-' ? undefined : dirname(target));
		// Only the folder's titles and recurring lines matter here; its faulty files are not this command's business.
		const context = linkTo ? await loadDataset(linkTo) : undefined;
		const folder = target === '-' ? undefined : dirname(resolve(target));
		article = openArticle(page.entries[0]!, context?.titles ?? new Map(), context && folder ? () => context.siteLines(folder) : undefined);
	} else {
		if (io.pathExists(target)) throw new DatasetError(`${target} is a folder: show takes one article (try docbao list ${target})`);
		const path = flags.data ?? io.bundledData;
		const dataset = await loadDataset(path, {warn});
		const entry = findEntry(dataset, target);
		if (!entry) throw new DatasetError(`no article with id ${target} in ${path}`);
		article = openInDataset(entry, dataset);
	}
	io.stdout.write((await formatArticle(article, flags, io)) + '\n');
}

const ARTICLE_SEPARATOR = '\n---\n\n';

async function read(path: string, flags: Flags, io: Io): Promise<void> {
	if (io.openReader && !flags.json && (await io.openReader(path))) return;
	const dataset = await loadDataset(path, {warn: warner(io)});
	for (const [index, entry] of dataset.entries.entries()) {
		let text: string;
		try {
			text = await formatArticle(openInDataset(entry, dataset), flags, io);
		} catch (error) {
			if (!(error instanceof DatasetError)) throw error;
			warner(io)(error.message);
			continue;
		}
		io.stdout.write((index > 0 ? ARTICLE_SEPARATOR : '') + text + '\n');
	}
}

function expectArguments(rest: string[], most: number, command: string): void {
	if (rest.length > most) throw new UsageError(`too many arguments for ${command}: ${rest.slice(most).join(' ')}`);
}

export async function run(input: string[], flags: Flags, io: Io): Promise<void> {
	if (flags.width !== undefined && !(Number.isInteger(flags.width) && flags.width >= 1)) {
		throw new UsageError('--width takes a whole number of columns, 1 or more');
	}
	const [first, ...rest] = input;
	if (first === 'list') {
		expectArguments(rest, 1, 'list');
		return list(rest[0] ?? io.bundledData, flags, io);
	}
	if (first === 'show') {
		expectArguments(rest, 1, 'show');
		if (rest[0] === undefined) throw new UsageError('show needs an article id, a file or -');
		return show(rest[0], flags, io);
	}
	if (first === undefined || first === '-' || io.pathExists(first)) {
		expectArguments(rest, 0, 'docbao');
		return read(first ?? io.bundledData, flags, io);
	}
	throw new UsageError(`${first} is neither a command (list, show) nor a file or folder`);
}

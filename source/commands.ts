// The commands behind the CLI: list, show, search, and reading a whole dataset. They write to the
// streams they are given, so tests can run them without a process.
import {statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {DatasetError, findEntry, loadDataset, openArticle, openInDataset} from './dataset/load';
import {siblingContext} from './dataset/siblings';
import {loadCrawlReadersFor} from './dataset/crawl-readers';
import {renderArticleJson} from './render/json';
import {renderListJson, renderListLine} from './render/list';
import type {Article} from './article/types';
import {diagnostic, stringifyJsonSafe, sanitizeForTerminal} from './text/sanitize';
import {sortTime} from './article/dates';
import {listFilter, openIndexed, QueryUsageError, type IndexFlags} from './indexed';
import {useColor, type ColorMode} from './config/color';
import type {ListFilter} from './dataset/index/catalog';
import type {Entry} from './dataset/load';
import type {FieldNames, SkipCounts} from './dataset/records';
import {FIELD_NAMES, type Field} from './dataset/jsonl';

export class UsageError extends Error {}

export type Flags = IndexFlags & {
	json: boolean;
	width?: number;
	data?: string;
	color: ColorMode;
	limit?: number;
	bookmarked?: boolean;
	path?: boolean;
	default?: boolean;
	/** `--field text=COLUMN`, as given. */
	field?: string[];
	/** Say on stderr what was passed over, and why. */
	verbose?: boolean;
	/** Plain output: number the links and list their addresses. */
	links?: boolean;
};

const FIELDS = Object.keys(FIELD_NAMES) as Field[];

/** The `--field NAME=COLUMN` overrides; a name docbao does not know is a usage error. */
function fieldsOf(given: string[] | undefined): FieldNames | undefined {
	if (!given || given.length === 0) return undefined;
	const fields: FieldNames = {};
	for (const item of given) {
		const m = /^([a-z]+)=(.+)$/s.exec(item);
		if (!m || !(FIELDS as string[]).includes(m[1]!)) throw new UsageError(`--field takes NAME=COLUMN, NAME one of ${FIELDS.join(', ')}: ${item}`);
		fields[m[1] as Field] = m[2]!;
	}
	return fields;
}

/** One line: how many records or pages were passed over, by reason, most first. */
export function skippedSummary(skipped: SkipCounts): string | undefined {
	if (skipped.size === 0) return undefined;
	const parts = [...skipped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, count]) => `${count} ${reason}`);
	return `passed over: ${parts.join(', ')}`;
}

export type Io = {
	bundledData: string;
	stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number};
	stderr: NodeJS.WritableStream;
	env: NodeJS.ProcessEnv;
	pathExists: (path: string) => boolean;
	/** Runs the interactive reader on PATH; false when there is no terminal to read keys from. */
	openReader?: (path: string) => Promise<boolean>;
	/** Where `-` reads from; the process's standard input by default. */
	stdin?: NodeJS.ReadableStream;
	/** The script of the index's parsing threads, when there is one (the built CLI's). */
	workerScript?: string;
	/** The script of the threads that list a large file of records without the index (the built CLI's). */
	listWorkerScript?: string;
	/** The dataset read without a PATH: the configured one, else the bundled sample. */
	defaultData?: string;
	/** The configured width of plain output on a terminal. */
	defaultWidth?: number;
};

function outputWidth(flags: Flags, io: Io): number {
	if (flags.width !== undefined) return flags.width;
	return io.stdout.isTTY ? io.defaultWidth ?? io.stdout.columns ?? 80 : Number.POSITIVE_INFINITY;
}

function warner(io: Io) {
	return (message: string) => io.stderr.write(diagnostic(`warning: ${message}`));
}

// The plain renderer (chalk, string-width and its ICU segmenter) loads only when text is printed:
// `list` and `--json` do not pay for it at start-up.
async function formatArticle(article: Article, flags: Flags, io: Io): Promise<string> {
	if (flags.json) return renderArticleJson(article);
	const {renderPlain} = await import('./render/plain');
	return renderPlain(article, {width: outputWidth(flags, io), color: useColor(flags.color, {env: io.env, isTTY: io.stdout.isTTY === true}), links: flags.links});
}

const loadOptions = (flags: Flags, io: Io) => ({warn: warner(io), stdin: io.stdin, followLinks: flags.followLinks, fields: flags.fields, skipped: flags.skipped, ...(io.listWorkerScript ? {listWorkers: {script: io.listWorkerScript}} : {})});

async function filterOf(flags: Flags): Promise<ListFilter> {
	try {
		return await listFilter(flags);
	} catch (error) {
		if (error instanceof QueryUsageError) throw new UsageError(error.message);
		throw error;
	}
}

/** Whether an entry passes the filters, for a dataset read without its index. */
function passes(entry: Entry, filter: ListFilter): boolean {
	const time = sortTime(entry.published);
	if (filter.since !== undefined && !(time >= filter.since)) return false;
	if (filter.until !== undefined && !(Number.isFinite(time) && time < filter.until)) return false;
	if (filter.site !== undefined) {
		let host = '';
		try {
			host = new URL(entry.url ?? entry.stated?.url ?? '').hostname.replace(/^www\./, '');
		} catch {
			return false;
		}
		return host === filter.site || host.endsWith(`.${filter.site}`);
	}
	return true;
}

const PAGE_ROWS = 5000;

/** The ids bookmarked in the reader for this dataset (see state/store.ts). */
async function bookmarkedIds(path: string, io: Io): Promise<string[]> {
	const [{datasetStateFile, openMarkStore}, {bookmarked}] = await Promise.all([import('./state/store'), import('./state/marks')]);
	return bookmarked(openMarkStore(datasetStateFile(path, io.env), warner(io)).load());
}

async function list(path: string, flags: Flags, io: Io): Promise<void> {
	const filter = await filterOf(flags);
	const format = (entry: Entry) => (flags.json ? renderListJson(entry) : renderListLine(entry));
	const catalog = await openIndexed(path, flags, io, warner(io));
	if (flags.bookmarked) {
		const ids = await bookmarkedIds(path, io);
		let entries: Entry[];
		if (catalog) {
			entries = ids.map((id) => catalog.find(id)).filter((entry) => entry !== undefined);
			catalog.close();
		} else {
			const wanted = new Set(ids);
			entries = (await loadDataset(path, loadOptions(flags, io))).entries.filter((entry) => wanted.has(entry.id));
		}
		// Newest first, as every listing.
		const lines = entries.filter((entry) => passes(entry, filter)).sort((a, b) => sortTime(b.published) - sortTime(a.published) || (a.id < b.id ? -1 : 1)).map(format);
		if (lines.length > 0) io.stdout.write(lines.join('\n') + '\n');
		return;
	}
	if (catalog) {
		const {db} = catalog.handle;
		// One read transaction: pages come from one state of the index, whatever another process commits meanwhile.
		db.exec('BEGIN');
		try {
			// One walk of the index, written PAGE_ROWS lines at a time: `| head` stops the listing early.
			let page: string[] = [];
			for (const entry of catalog.eachRow(filter)) {
				page.push(format(entry));
				if (page.length < PAGE_ROWS) continue;
				io.stdout.write(page.join('\n') + '\n');
				page = [];
				await new Promise((resolve) => setImmediate(resolve));
			}
			if (page.length > 0) io.stdout.write(page.join('\n') + '\n');
		} finally {
			db.exec('COMMIT');
			catalog.close();
		}
		return;
	}
	const dataset = await loadDataset(path, {...loadOptions(flags, io), listOnly: true});
	const lines = dataset.entries.filter((entry) => passes(entry, filter)).map(format);
	if (lines.length > 0) io.stdout.write(lines.join('\n') + '\n');
}

/** `search QUERY [PATH]`: id, date, title and snippet of each match, best first. */
async function search(query: string, path: string, flags: Flags, io: Io): Promise<void> {
	const filter = await filterOf(flags);
	const {parseQuery, QueryError} = await import('./dataset/index/query');
	let terms;
	try {
		terms = parseQuery(query);
	} catch (error) {
		if (error instanceof QueryError) throw new UsageError(error.message);
		throw error;
	}
	const limit = flags.limit ?? (io.stdout.isTTY ? 20 : -1);
	// --bookmarked: among the bookmarks only (the search then goes through all the matches before the limit).
	const wanted = flags.bookmarked ? new Set(await bookmarkedIds(path, io)) : undefined;
	const keep = <T extends {entry: Entry}>(found: T[]) => {
		const kept = wanted ? found.filter((hit) => wanted.has(hit.entry.id)) : found;
		return limit === -1 ? kept : kept.slice(0, limit);
	};
	const catalog = await openIndexed(path, flags, io, warner(io));
	let hits;
	if (catalog) {
		try {
			hits = keep(catalog.search(query, {...filter, limit: wanted ? -1 : limit}));
		} finally {
			catalog.close();
		}
	} else {
		const {scanSearch} = await import('./dataset/scan-search');
		const dataset = await loadDataset(path, loadOptions(flags, io));
		hits = keep(scanSearch({...dataset, entries: dataset.entries.filter((entry) => passes(entry, filter))}, terms, warner(io)));
	}
	const field = (text: string) => sanitizeForTerminal(text).replace(/[\t\n]/g, ' ');
	const lines = hits.map(({entry, score, snippet}) =>
		flags.json
			? stringifyJsonSafe({id: entry.id, published: entry.published, title: entry.title, source: entry.source, score: Math.round(score * 1000) / 1000, snippet: snippet.text})
			: `${field(entry.id)}\t${entry.published ?? ''}\t${field(entry.title)}\t${field(snippet.text)}`,
	);
	if (lines.length > 0) io.stdout.write(lines.join('\n') + '\n');
}

/** Whether TARGET names something to read (a file, a pipe, a device) rather than a folder or an id. */
function isReadable(path: string): boolean {
	try {
		return !statSync(path).isDirectory();
	} catch {
		return false;
	}
}

/** The article of a page file, a pipe or standard input, linked to what is cheap around it. */
async function showFile(target: string, flags: Flags, io: Io): Promise<Article> {
	const page = await loadDataset(target, loadOptions(flags, io));
	if (page.entries.length !== 1) {
		throw new DatasetError(`${target} holds ${page.entries.length} articles: show one with docbao show ID --data ${target} (docbao list ${target} gives the ids)`);
	}
	const entry = page.entries[0]!;
	const folder = entry.text === undefined && entry.html === undefined ? dirname(resolve(target)) : undefined;
	// With --data the user asked for that dataset; else only what is cheap: the page's own folder.
	// Its faulty files are not this command's business.
	const context = flags.data ? await loadDataset(flags.data, {followLinks: flags.followLinks}) : folder ? siblingContext(folder) : undefined;
	return openArticle(entry, context?.titles ?? new Map(), context && folder ? () => context.siteLines(folder) : undefined, warner(io));
}

/** The article with this id in the dataset at PATH, through its index when it has one. */
async function findInDataset(path: string, id: string, flags: Flags, io: Io): Promise<Article | undefined> {
	const catalog = await openIndexed(path, flags, io, warner(io));
	if (catalog) {
		try {
			const {printableId} = await import('./dataset/ids');
			const entry = catalog.find(printableId(id));
			if (entry) await loadCrawlReadersFor([entry.source]);
			return catalog.open(printableId(id));
		} finally {
			catalog.close();
		}
	}
	const dataset = await loadDataset(path, loadOptions(flags, io));
	const entry = findEntry(dataset, id);
	return entry && openInDataset(entry, dataset, warner(io));
}

/**
 * `show TARGET`: an article id of the dataset, or a page file. With --data the id comes first (an
 * id may look like a file in the current folder); without it, a file that exists does.
 */
async function show(target: string, flags: Flags, io: Io): Promise<void> {
	const readable = target === '-' || isReadable(target);
	let article: Article | undefined;
	if (readable && !flags.data) article = await showFile(target, flags, io);
	else {
		if (!readable && io.pathExists(target) && !flags.data) throw new DatasetError(`${target} is a folder: show takes one article (try docbao list ${target})`);
		const path = flags.data ?? io.defaultData ?? io.bundledData;
		const found = target === '-' ? undefined : await findInDataset(path, target, flags, io);
		if (found) article = found;
		else if (readable) article = await showFile(target, flags, io);
		// What looks like a file name was most likely meant as one.
		else if (/\.(?:txt|jsonl|gz|html?)$/i.test(target)) throw new DatasetError(`cannot read ${target}: no such file (nor an article with that id in ${path})`);
		else throw new DatasetError(`no article with id ${target} in ${path}`);
	}
	io.stdout.write((await formatArticle(article, flags, io)) + '\n');
}

const ARTICLE_SEPARATOR = '\n---\n\n';

async function read(path: string, flags: Flags, io: Io): Promise<void> {
	if (io.openReader && !flags.json && (await io.openReader(path))) return;
	const dataset = await loadDataset(path, loadOptions(flags, io));
	let printed = 0;
	for (const entry of dataset.entries) {
		let text: string;
		try {
			text = await formatArticle(openInDataset(entry, dataset, warner(io)), flags, io);
		} catch (error) {
			// One page that cannot be read or shown must not cost the dump every later article.
			warner(io)(`skipping ${entry.id}: ${error instanceof Error ? error.message : String(error)}`);
			continue;
		}
		io.stdout.write((printed++ > 0 ? ARTICLE_SEPARATOR : '') + text + '\n');
	}
}

/** `config`: where the configuration lives (--path), a commented default one (--default), or whether it is sound. */
async function config(flags: Flags, io: Io): Promise<void> {
	const {configPath, defaultConfigText, describeProblem, loadConfig} = await import('./config/config');
	if (flags.default) {
		const [{defaultBindings, keyLabels}, {english}] = await Promise.all([import('./ui/keymap'), import('./ui/messages')]);
		const commands = defaultBindings.map((binding) => ({command: binding.command, keys: keyLabels(defaultBindings, binding.command), description: english.commands[binding.command]}));
		io.stdout.write(defaultConfigText(commands));
		return;
	}
	if (flags.path) {
		io.stdout.write(`${configPath(io.env)}\n`);
		return;
	}
	const [loaded, {bindKeys}, {lineOfKey}, {existsSync}] = await Promise.all([loadConfig(io.env), import('./ui/keymap'), import('./config/config'), import('node:fs')]);
	// The keys are checked as the reader checks them: a file this passes is one the reader takes.
	const problems = [
		...loaded.problems,
		...bindKeys(loaded.config.keys).problems.map((problem) => ({line: loaded.text ? lineOfKey(loaded.text, 'keys', problem.command) : undefined, key: `keys.${problem.command}`, message: problem.message})),
	];
	io.stdout.write(`${loaded.path}${existsSync(loaded.path) ? (problems.length === 0 ? ': sound' : '') : ': no file, the defaults are used'}\n`);
	if (problems.length > 0) throw new DatasetError(problems.map((problem) => describeProblem(loaded.path, problem)).join('\ndocbao: '));
}

function expectArguments(rest: string[], most: number, command: string): void {
	if (rest.length > most) throw new UsageError(`too many arguments for ${command}: ${rest.slice(most).join(' ')}`);
}

export async function run(input: string[], given: Flags, io: Io): Promise<void> {
	const flags: Flags = {...given, fields: fieldsOf(given.field), ...(given.verbose ? {skipped: new Map()} : {})};
	try {
		await runCommand(input, flags, io);
	} finally {
		const summary = flags.skipped && skippedSummary(flags.skipped);
		if (summary) io.stderr.write(diagnostic(summary));
	}
}

async function runCommand(input: string[], flags: Flags, io: Io): Promise<void> {
	if (flags.width !== undefined && !(Number.isInteger(flags.width) && flags.width >= 1)) {
		throw new UsageError('--width takes a whole number of columns, 1 or more');
	}
	const [first, ...rest] = input;
	if (first === 'list') {
		expectArguments(rest, 1, 'list');
		return list(rest[0] ?? io.defaultData ?? io.bundledData, flags, io);
	}
	if (first === 'search') {
		expectArguments(rest, 2, 'search');
		if (rest[0] === undefined) throw new UsageError('search needs a query (docbao search "cam sành" PATH)');
		if (flags.limit !== undefined && !(Number.isInteger(flags.limit) && flags.limit >= 1)) throw new UsageError('--limit takes a whole number, 1 or more');
		return search(rest[0], rest[1] ?? io.defaultData ?? io.bundledData, flags, io);
	}
	if (first === 'config') {
		expectArguments(rest, 0, 'config');
		return config(flags, io);
	}
	if (first === 'show') {
		expectArguments(rest, 1, 'show');
		if (rest[0] === undefined) throw new UsageError('show needs an article id, a file or -');
		return show(rest[0], flags, io);
	}
	if (first === undefined || first === '-' || io.pathExists(first)) {
		expectArguments(rest, 0, 'docbao');
		return read(first ?? io.defaultData ?? io.bundledData, flags, io);
	}
	// What looks like a path is a missing path, as with list and show (status 1); a bare word was
	// more likely meant as a command (a usage error, status 2).
	if (/[\\/.~]/.test(first)) throw new DatasetError(`cannot read ${first}: no such file or folder`);
	throw new UsageError(`${first} is neither a command (list, show, search, config) nor a file or folder`);
}

// The commands that go through a dataset's index: `list` and `show ID` of a folder or JSON Lines
// file, and `search`. The index module (and SQLite with it) is loaded only here, only when used;
// when SQLite cannot be loaded or opened, the caller falls back to reading the dataset itself.
import type {Catalog, ListFilter} from './dataset/index/catalog';
import {parseCompactDate} from './article/dates';
import {progressLine} from './render/progress';
import type {FieldNames, SkipCounts} from './dataset/records';

export type IndexFlags = {index?: boolean; refresh?: boolean; rescan?: boolean; followLinks?: boolean; since?: string; until?: string; site?: string; fields?: FieldNames; skipped?: SkipCounts};

export type IndexIo = {stderr: NodeJS.WritableStream & {isTTY?: boolean; columns?: number}; env: NodeJS.ProcessEnv; workerScript?: string};

export class QueryUsageError extends Error {}

/** The filters of --since, --until and --site; a date that cannot be read is a usage error. */
export async function listFilter(flags: IndexFlags): Promise<ListFilter> {
	const filter: ListFilter = {};
	if (flags.site !== undefined) filter.site = flags.site;
	if (flags.since === undefined && flags.until === undefined) return filter;
	const {dateBound} = await import('./dataset/index/catalog');
	const bound = (name: string, text: string, end: boolean) => {
		const time = dateBound(text, end, (value) => parseCompactDate(value) ?? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null));
		if (time === undefined) throw new QueryUsageError(`--${name} takes a date such as 2019-11-20: ${text}`);
		return time;
	};
	if (flags.since !== undefined) filter.since = bound('since', flags.since, false);
	if (flags.until !== undefined) filter.until = bound('until', flags.until, true);
	return filter;
}

/**
 * The catalog of PATH, refreshed unless --no-refresh, or undefined when the dataset has no index
 * (a single page, a pipe), --no-index was given, or SQLite is not to be had (with a warning).
 */
export async function openIndexed(path: string, flags: IndexFlags, io: IndexIo, warn: (message: string) => void): Promise<Catalog | undefined> {
	// The index holds records as read with the usual field names: fields named otherwise are read
	// from the dataset itself, never mixed into the index (nor taken from it).
	if (flags.index === false || flags.fields !== undefined) return undefined;
	const {isIndexable, openCatalog} = await import('./dataset/index/catalog');
	if (!isIndexable(path)) return undefined;
	let catalog: Catalog;
	try {
		catalog = openCatalog(path, {env: io.env, warn, followLinks: flags.followLinks, workerScript: io.workerScript});
	} catch (error) {
		warn(`no index (${(error as Error).message.split('\n')[0]}); reading the dataset without one`);
		return undefined;
	}
	if (flags.refresh !== false) {
		const started = Date.now();
		let shown = false;
		const onProgress = io.stderr.isTTY
			? (done: number, total: number) => {
					// A refresh of a few files is too quick to show.
					if (!shown && Date.now() - started < 300) return;
					shown = true;
					io.stderr.write(`\r${progressLine('Indexing', done, total, Date.now() - started, io.stderr.columns ?? 80)}`);
				}
			: undefined;
		try {
			// Folder times tell of pages added, removed or renamed without a stat of every page; --rescan
			// stats them all, for pages rewritten in place.
			const summary = await catalog.refresh({onProgress, quick: !flags.rescan, fields: flags.fields, skipped: flags.skipped});
			if (summary.busy) warn('another docbao has been updating this index for long: it is used as it stands');
		} finally {
			if (shown) io.stderr.write('\r\u001b[2K');
		}
	}
	return catalog;
}

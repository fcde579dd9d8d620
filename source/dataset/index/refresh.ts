// Bringing an index up to date with its dataset. A walk with a stat of each page file finds what is
// new, changed (size or time) or gone; only those are read and parsed again. Writes are committed
// in batches, and a file's row is written after its articles, so an indexing killed at any moment
// leaves an index whose files are either complete or absent: the next refresh reads the absent
// ones again, and no id ever names another file's article.
import {createHash} from 'node:crypto';
import {statSync, type Stats} from 'node:fs';
import {availableParallelism} from 'node:os';
import {basename, dirname, resolve} from 'node:path';
import {assignIds, IdRegistry} from '../ids';
import {loadCrawlReadersFor} from '../crawl-readers';
import {countSkip, readRecords, RECORD_FILE, WARC_FILE, type FieldNames, type SkipCounts} from '../records';
import {HTML_FILE} from '../html-file';
import {isOlder, type Entry} from '../load';
import {recurringLines} from '../site-lines';
import {fsPath, listPageFiles, type PageFile} from '../walk';
import type {IndexedArticle} from './rows';
import {parsePage} from './parse-page';
import {startWorkers, type PageParser, type ParseJob} from './workers';
import type {Database} from './sqlite';
import {isRunning} from '../../system/process';

export type RefreshOptions = {
	warn: (message: string) => void;
	followLinks?: boolean;
	/** Hears of the files read so far, of all that need reading. */
	onProgress?: (done: number, total: number) => void;
	/** While another process refreshes the index: wait for it to finish (else return at once, `busy`). */
	wait?: boolean;
	/** The script of the parsing threads (dist/index-worker.js); without it pages are parsed here. */
	workerScript?: string;
	/** How long a batch of writes may run before it is committed (BATCH_MS by default). */
	batchMs?: number;
	/**
	 * Trust the folders' times: when no folder changed since the last complete refresh (no page was
	 * added, removed or renamed), nothing is read, not even the page files' times. A page rewritten
	 * in place is then found by the next full refresh.
	 */
	quick?: boolean;
	/** The names of record fields or columns, over the usual ones (`--field text=story`). */
	fields?: FieldNames;
	/** Hears of each page or record passed over, by reason. */
	skipped?: SkipCounts;
};

// How long a refresh waits for another process's to end before it reads the index as it stands.
const LONGEST_WAIT_MS = 2 * 60 * 1000;

// Fewer pages than this are parsed faster than threads start.
const THREADS_FROM_PAGES = 500;
// Nor records in fewer bytes than this (a few hundred records of a few kilobytes).
const THREADS_FROM_RECORD_BYTES = 2 * 1024 * 1024;

export type RefreshSummary = {added: number; changed: number; removed: number; articles: number; busy?: boolean};

type StatedFile = PageFile & {size: number; mtime: number; id: string};

// A batch is committed after this many articles or this long, whichever comes first.
const BATCH_ARTICLES = 10_000;
const BATCH_MS = 1000;

type KnownFile = {size: number; mtime: number; file_id: string};

/**
 * The dataset's page files with their sizes and times; a single JSON Lines file is its own
 * dataset. Ids depend on the set of names only: when it is the set the index knows, the known ids
 * stand, and no id is worked out again (most refreshes find nothing new).
 */
function withIds(files: StatedFile[], known: Map<string, KnownFile>): StatedFile[] {
	const sameNames = files.length === known.size && files.every((file) => known.has(file.path));
	const ids = sameNames ? files.map((file) => known.get(file.path)!.file_id) : assignIds(files, new IdRegistry(), (file) => !RECORD_FILE.test(file.path));
	files.forEach((file, index) => (file.id = ids[index]!));
	return files;
}

/**
 * The dataset's files with their sizes and times, and a digest of all of them: when it is the one
 * the last complete refresh left, nothing changed, and nothing more need be read, not even the
 * index's own list of files.
 */
// A refresh's stats are taken this many at a time between turns of the event loop: a reader
// refreshing its index in the background keeps answering keys meanwhile.
const STATS_PER_TURN = 1000;

async function statedFiles(path: string, options: RefreshOptions): Promise<{files: StatedFile[]; digest: string; stamps: Stamps}> {
	const single = RECORD_FILE.test(path) && !statSync(path).isDirectory();
	const stamps: Stamps = {followLinks: Boolean(options.followLinks), folders: []};
	const onFolder = (real: Buffer, stats: Stats) => stamps.folders.push([real.toString('latin1'), stampOf(stats)]);
	if (single) stamps.folders.push([Buffer.from(path).toString('latin1'), stampOf(statSync(path))]);
	const found = single ? [{path, relativePath: basename(path)}] : listPageFiles(path, {warn: options.warn, followLinks: options.followLinks, onFolder});
	const files: StatedFile[] = [];
	const hash = createHash('sha1');
	for (const [index, candidate] of found.entries()) {
		if (index % STATS_PER_TURN === STATS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
		const file = candidate as StatedFile;
		const stats = statSync(fsPath(file), {throwIfNoEntry: false});
		// Gone between the walk and the stat: it is not part of the dataset.
		if (!stats) continue;
		file.size = stats.size;
		file.mtime = stats.mtimeMs;
		hash.update(`${file.path}\u0000${file.size}\u0000${file.mtime}\n`);
		files.push(file);
	}
	return {files, digest: hash.digest('hex'), stamps};
}

/** Each folder of the dataset (or its one JSON Lines file) with its times, as a refresh found them. */
type Stamps = {followLinks: boolean; folders: Array<[path: string, stamp: string]>};

// A folder changed this recently may change again within its clock's tick without its time
// showing it (file systems with coarse times): its stamp is not trusted.
const SETTLED_MS = 2000;

function stampOf(stats: Stats | undefined): string {
	if (!stats) return 'gone';
	if (Date.now() - stats.mtimeMs < SETTLED_MS) return 'unsettled';
	return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** True when every folder has the times the last complete refresh found (so no page came or went). */
function foldersUnchanged(db: Database, options: RefreshOptions): boolean {
	const row = db.prepare("SELECT value FROM meta WHERE key = 'folders'").get() as {value: string} | undefined;
	if (!row) return false;
	const stamps = JSON.parse(row.value) as Stamps;
	if (stamps.followLinks !== Boolean(options.followLinks)) return false;
	return stamps.folders.every(([path, stamp]) => stamp !== 'unsettled' && stampOf(statSync(Buffer.from(path, 'latin1'), {throwIfNoEntry: false})) === stamp);
}

class Writer {
	readonly #db: Database;
	readonly #insertArticle;
	readonly #insertText;
	readonly #insertBody;
	readonly #deleteBodies;
	readonly #deleteFile;
	readonly #deleteArticlesOfFile;
	readonly #deleteTexts;
	readonly #putFile;
	readonly #retire;
	readonly #rename;
	readonly #listedOfFile;
	readonly #listedWithId;
	readonly #addListed;
	// Listed articles added less those taken away, in the open batch: stored with it (see schema.ts).
	#listedChange = 0;
	#pending = 0;
	#since = Date.now();
	#open = false;

	readonly #batchMs: number;

	constructor(db: Database, batchMs = BATCH_MS) {
		this.#db = db;
		this.#batchMs = batchMs;
		this.#insertArticle = db.prepare(`INSERT INTO articles (id, file, raw, place_offset, place_length, compressed, title, published, sort_time, kicker, url, site,
			language, related, comments, title_key, title_folded, url_key, stated) VALUES (@id, @file, @raw, @place_offset, @place_length, @compressed, @title, @published,
			@sort_time, @kicker, @url, @site, @language, @related, @comments, @title_key, @title_folded, @url_key, @stated)`);
		this.#insertText = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
		this.#insertBody = db.prepare('INSERT INTO bodies (n, body) VALUES (?, ?)');
		this.#deleteBodies = db.prepare('DELETE FROM bodies WHERE n IN (SELECT n FROM articles WHERE file = ?)');
		this.#deleteTexts = db.prepare('DELETE FROM fts WHERE rowid IN (SELECT n FROM articles WHERE file = ?)');
		this.#deleteArticlesOfFile = db.prepare('DELETE FROM articles WHERE file = ?');
		this.#deleteFile = db.prepare('DELETE FROM files WHERE path = ?');
		this.#putFile = db.prepare('INSERT OR REPLACE INTO files (path, raw, size, mtime, file_id) VALUES (?, ?, ?, ?, ?)');
		this.#retire = db.prepare('UPDATE articles SET id = @alias, superseded = 1 WHERE id = @id');
		this.#rename = db.prepare('UPDATE articles SET id = @to WHERE id = @from');
		this.#listedOfFile = db.prepare('SELECT count(*) FROM articles WHERE file = ? AND superseded = 0').pluck();
		this.#listedWithId = db.prepare('SELECT count(*) FROM articles WHERE id = ? AND superseded = 0').pluck();
		this.#addListed = db.prepare('UPDATE totals SET listed = listed + ?');
	}

	/** A newer capture of an address takes the older's id; the older keeps its record id, and is not listed. */
	supersede(olderId: string, olderAlias: string, newerId: string): void {
		this.#begin();
		this.#listedChange -= this.#listedWithId.get(olderId) as number;
		this.#retire.run({id: olderId, alias: olderAlias});
		this.#rename.run({from: newerId, to: olderId});
	}

	/** A capture older than the one listed for its address: found by its record id, not listed. */
	retire(id: string, alias: string): void {
		this.#begin();
		this.#listedChange -= this.#listedWithId.get(id) as number;
		this.#retire.run({id, alias});
	}

	#begin(): void {
		if (this.#open) return;
		this.#db.exec('BEGIN IMMEDIATE');
		this.#open = true;
		this.#since = Date.now();
	}

	commit(): void {
		if (!this.#open) return;
		if (this.#listedChange !== 0) this.#addListed.run(this.#listedChange);
		this.#listedChange = 0;
		this.#db.exec('COMMIT');
		this.#open = false;
		this.#pending = 0;
	}

	#maybeCommit(): void {
		if (this.#pending >= BATCH_ARTICLES || Date.now() - this.#since > this.#batchMs) this.commit();
	}

	forget(path: string): void {
		this.#begin();
		this.#deleteTexts.run(path);
		this.#deleteBodies.run(path);
		this.#listedChange -= this.#listedOfFile.get(path) as number;
		this.#deleteArticlesOfFile.run(path);
		this.#deleteFile.run(path);
	}

	add({row, body}: IndexedArticle, foldedTitle: string, foldedBody: string): void {
		this.#begin();
		// A name's bytes come back from a parsing thread as a plain Uint8Array.
		if (row.raw && !Buffer.isBuffer(row.raw)) row.raw = Buffer.from(row.raw);
		const {lastInsertRowid} = this.#insertArticle.run(row);
		this.#insertText.run(lastInsertRowid, foldedTitle, foldedBody);
		this.#insertBody.run(lastInsertRowid, body);
		this.#listedChange++;
		this.#pending++;
	}

	/** Marks a file as read, in the batch of its articles; batches end only between files. */
	done(file: StatedFile): void {
		this.#begin();
		this.#putFile.run(file.path, file.raw ?? null, file.size, file.mtime, file.id);
		this.#maybeCommit();
	}

	rollback(): void {
		if (this.#open) this.#db.exec('ROLLBACK');
		this.#open = false;
		this.#listedChange = 0;
	}
}

/**
 * One process refreshes an index at a time; the others read it as it stands (WAL lets them). A
 * refresh killed with -9 leaves its mark behind, with a process id that no longer runs: the next
 * one takes over.
 */
function takeTurn(db: Database): boolean {
	try {
		return db.transaction(() => {
			const holder = db.prepare('SELECT pid FROM refreshing').get() as {pid: number} | undefined;
			if (holder && holder.pid !== process.pid && isRunning(holder.pid)) return false;
			db.prepare('INSERT OR REPLACE INTO refreshing (only, pid) VALUES (1, ?)').run(process.pid);
			return true;
		}).immediate();
	} catch (error) {
		// Another process is writing a batch longer than SQLite's wait (a large file of records is
		// one batch): it holds the turn, and this one waits for it as for a marked turn.
		if ((error as {code?: string}).code === 'SQLITE_BUSY') return false;
		throw error;
	}
}

/**
 * Reads the changed files of a dataset into its index. When another process is refreshing it,
 * nothing is done and the summary says `busy`.
 */
export async function refreshIndex(db: Database, path: string, options: RefreshOptions): Promise<RefreshSummary> {
	const waitUntil = Date.now() + LONGEST_WAIT_MS;
	while (!takeTurn(db)) {
		// A process id can be taken again by another program: waiting has an end.
		if (!options.wait || Date.now() > waitUntil) return {added: 0, changed: 0, removed: 0, articles: 0, busy: true};
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	try {
		return await refreshTurn(db, path, options);
	} finally {
		db.prepare('DELETE FROM refreshing WHERE pid = ?').run(process.pid);
	}
}

async function refreshTurn(db: Database, path: string, options: RefreshOptions): Promise<RefreshSummary> {
	if (options.quick && foldersUnchanged(db, options)) return {added: 0, changed: 0, removed: 0, articles: 0};
	// Paths are stored absolute: the same dataset may be named from anywhere.
	const {files: found, digest, stamps} = await statedFiles(resolve(path), options);
	const last = db.prepare("SELECT value FROM meta WHERE key = 'digest'").get() as {value: string} | undefined;
	const remember = () => {
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('digest', ?)").run(digest);
		db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('folders', ?)").run(JSON.stringify(stamps));
	};
	if (last?.value === digest) {
		// The folders' times may have moved without a page changing (a file of another kind came or went).
		remember();
		return {added: 0, changed: 0, removed: 0, articles: 0};
	}
	// A refresh that does not end well must not leave the digest or the folder times of one that did.
	db.prepare("DELETE FROM meta WHERE key IN ('digest', 'folders')").run();
	const known = new Map<string, KnownFile>();
	for (const [path, size, mtime, id] of db.prepare('SELECT path, size, mtime, file_id FROM files').raw().all() as Array<[string, number, number, string]>) {
		known.set(path, {size, mtime, file_id: id});
	}
	const files = withIds(found, known);
	const current = new Set(files.map((file) => file.path));
	const stale = files.filter((file) => {
		const before = known.get(file.path);
		return !before || before.size !== file.size || before.mtime !== file.mtime || before.file_id !== file.id;
	});
	const removed = [...known.keys()].filter((file) => !current.has(file));
	// Files whose row is missing may still have articles from an indexing that was cut short (one
	// that left no digest behind).
	const partial = last
		? []
		: (db.prepare('SELECT DISTINCT file FROM articles WHERE file NOT IN (SELECT path FROM files)').all() as {file: string}[]).map((row) => row.file);
	const summary: RefreshSummary = {added: stale.filter((file) => !known.has(file.path)).length, changed: 0, removed: removed.length, articles: 0};
	summary.changed = stale.length - summary.added;
	if (stale.length === 0 && removed.length === 0 && partial.length === 0) {
		remember();
		return summary;
	}

	// Full-text indexing merges its segments in the page cache: for many pages, a larger cache, fewer reads.
	if (stale.length > 1000) db.pragma('cache_size = -65536');
	const writer = new Writer(db, options.batchMs);
	try {
		for (const file of new Set([...removed, ...partial])) writer.forget(file);
		writer.commit();
		const ids = new IdRegistry();
		// Pages read again under the ids they had need no new ones (the usual refresh: a few pages changed).
		if (!stale.every((file) => !RECORD_FILE.test(file.path) && known.get(file.path)?.file_id === file.id)) {
			// Ids already given stay given: a record must not take the id of an article in a file not read again.
			const rereading = new Set(stale.map((file) => file.path));
			for (const [id, file] of db.prepare('SELECT id, file FROM articles').raw().all() as Array<[string, string]>) if (!rereading.has(file)) ids.claim(id);
			// A page keeps the id its name gives it, unless a record took it first (then it gets a `~N` form).
			for (const file of stale) if (!RECORD_FILE.test(file.path)) file.id = ids.claim(file.id);
		}
		const siteLines = siteLinesOf(files);
		let done = 0;
		let last = Date.now();
		const progress = async () => {
			done++;
			if (options.onProgress && (Date.now() - last > 50 || done === stale.length)) {
				options.onProgress(done, stale.length);
				last = Date.now();
				await new Promise((resolve) => setImmediate(resolve));
			}
		};
		await loadCrawlReadersFor(stale.map((file) => file.path));
		const pages = stale.filter((file) => !RECORD_FILE.test(file.path));
		const recordFiles = stale.filter((file) => RECORD_FILE.test(file.path));
		const jobs = pages.map((file) => ({job: {path: file.path, raw: file.raw, id: file.id}, siteLines: siteLines(file)}));
		const manyRecords = recordFiles.reduce((sum, file) => sum + file.size, 0) >= THREADS_FROM_RECORD_BYTES;
		// An HTML page costs a parse of its DOM, many times what storing it costs: for those, the main
		// thread mostly waits, and there is a parsing thread for every core.
		const htmlPages = stale.some((file) => HTML_FILE.test(file.path) || WARC_FILE.test(file.path));
		const parser = options.workerScript && (pages.length >= THREADS_FROM_PAGES || manyRecords) ? startWorkers(options.workerScript, htmlPages ? availableParallelism() : undefined) : inThisThread;
		try {
			let index = 0;
			for await (const parsed of parser.parse(jobs)) {
				// A changed file's old rows go in the same batch as its new ones: a reader sees one or the
				// other. A new file has none (those of an indexing cut short went above): looking for them
				// would cost a search of the full-text table for each page.
				if (known.has(pages[index]!.path)) writer.forget(pages[index]!.path);
				if ('skipped' in parsed) {
					if (parsed.silent) countSkip(options.skipped, parsed.skipped);
					else options.warn(`skipping ${parsed.skipped}`);
				}
				else {
					writer.add(parsed.article, parsed.foldedTitle, parsed.foldedBody);
					summary.articles++;
				}
				writer.done(pages[index++]!);
				await progress();
			}
			for (const file of recordFiles) {
				if (known.has(file.path)) writer.forget(file.path);
				const captures: Captures = new Map();
				// The id each captured address is listed by, and the record id of the capture that holds it.
				const holders = new Map<string, {id: string; alias: string | undefined; crawled: string | undefined}>();
				for await (const parsed of parser.parse(recordJobs(file, ids, options.warn, options.fields, options.skipped, captures))) {
					if ('skipped' in parsed) {
						if (parsed.silent) countSkip(options.skipped, parsed.skipped);
						else options.warn(`skipping ${parsed.skipped}`);
						continue;
					}
					writer.add(parsed.article, parsed.foldedTitle, parsed.foldedBody);
					const capture = captures.get(parsed.article.row.id);
					captures.delete(parsed.article.row.id);
					if (!capture) {
						summary.articles++;
						continue;
					}
					const holder = holders.get(capture.url);
					if (!holder) {
						holders.set(capture.url, {id: parsed.article.row.id, alias: capture.alias, crawled: capture.crawled});
						summary.articles++;
						continue;
					}
					if (isOlder(capture.crawled, holder.crawled)) {
						writer.retire(parsed.article.row.id, ids.claim(...(capture.alias ? [capture.alias] : []), `${parsed.article.row.id}~older`));
						continue;
					}
					// The newest capture so far: it is listed by the address's id.
					writer.supersede(holder.id, ids.claim(...(holder.alias ? [holder.alias] : []), `${holder.id}~older`), parsed.article.row.id);
					holders.set(capture.url, {id: holder.id, alias: capture.alias, crawled: capture.crawled});
				}
				writer.done(file);
				await progress();
			}
		} finally {
			await parser.close();
		}
		writer.commit();
	} catch (error) {
		writer.rollback();
		throw error;
	}
	remember();
	return summary;
}

/** Each folder's recurring lines (see site-lines.ts), sampled once per refresh, when first needed. */
function siteLinesOf(files: StatedFile[]): (file: StatedFile) => ReadonlySet<string> {
	const byFolder = new Map<string, StatedFile[]>();
	for (const file of files) {
		if (RECORD_FILE.test(file.path)) continue;
		const folder = dirname(file.path);
		const list = byFolder.get(folder) ?? [];
		list.push(file);
		byFolder.set(folder, list);
	}
	const lines = new Map<string, ReadonlySet<string>>();
	return (file) => {
		const folder = dirname(file.path);
		let found = lines.get(folder);
		if (!found) lines.set(folder, (found = recurringLines((byFolder.get(folder) ?? []).map((page) => ({path: fsPath(page), label: page.path})))));
		return found;
	};
}

/** Parsing in the main thread, for small refreshes and where there are no worker threads. */
const inThisThread: PageParser = {
	async *parse(jobs) {
		for await (const {job, siteLines} of jobs) yield parsePage(job, siteLines);
	},
	async close() {},
};

const NO_SITE_LINES: ReadonlySet<string> = new Set();

/** Captured pages (WARC) by the id given to their record: the address and the record's own id. */
type Captures = Map<string, {url: string; alias?: string; crawled?: string}>;

/**
 * A file's records (JSON Lines, WARC, Parquet) as jobs for the parser, each with its id, claimed
 * here in file order. A file that cannot be read to its end keeps the records read before the fault.
 */

async function* recordJobs(file: StatedFile, ids: IdRegistry, warn: (message: string) => void, fields?: FieldNames, skipped?: SkipCounts, captures?: Captures): AsyncGenerator<ParseJob> {
	try {
		for await (const {record, lineNumber, place} of readRecords(fsPath(file), file.path, warn, {fields, skipped})) {
			const id = ids.claim(...(record.id !== undefined ? [record.id] : []), `${file.id}:${lineNumber}`, `${file.relativePath}:${lineNumber}`);
			const stated = {title: record.title, published: record.published, url: record.url, language: record.language, ...(fields ? {fields} : {})};
			const entry: Entry = {id, source: file.path, title: '', published: null, place, stated};
			if (file.raw) entry.raw = file.raw;
			if (captures && record.page.format === 'html' && record.url) captures.set(id, {url: record.url, ...(record.alias ? {alias: record.alias} : {}), ...(record.page.crawled ? {crawled: record.page.crawled} : {})});
			yield {job: {entry, page: record.page}, siteLines: NO_SITE_LINES};
		}
	} catch (error) {
		warn(`${file.path}: ${(error as Error).message}; the records read before it are kept`);
	}
}

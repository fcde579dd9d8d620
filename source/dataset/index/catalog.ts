// A dataset seen through its index: listing in order without holding every row, finding an article
// by id, linking related stories by title, and full-text search, all at a cost that does not grow
// with the dataset. Folders and JSON Lines files have an index; a single page, a pipe or standard
// input do not need one.
import {statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {sortTime} from '../../article/dates';
import {foldQuery} from '../../text/fold';
import {openArticle, type Entry, type TitleLookup} from '../load';
import type {Article} from '../../article/types';
import {RECORD_FILE, type FieldNames, type SkipCounts} from '../records';
import {recurringLines} from '../site-lines';
import {openIndex, type IndexHandle} from './database';
import {datasetKey} from './location';
import {matchExpression, parseQuery} from './query';
import {refreshIndex, type RefreshSummary} from './refresh';
import {entryOf, UNDATED} from './rows';
import {snippetOf, type Snippet} from './snippet';
import type {Statement} from './sqlite';

export type ListFilter = {since?: number; until?: number; site?: string; /** Words in the title or id, as the reader's list filter takes them. */ text?: string};

export type SearchHit = {entry: Entry; score: number; snippet: Snippet};

export type Catalog = {
	readonly root: string;
	readonly handle: IndexHandle;
	count(filter?: ListFilter): number;
	/**
	 * The articles newest first, undated last, `limit` of them from `offset`: id, title, date and
	 * file, what a listing shows (`find` gives an entry to open).
	 */
	rows(filter?: ListFilter, offset?: number, limit?: number): Entry[];
	/** Every row that passes the filter, newest first, one at a time (a listing of any size walks the index once). */
	eachRow(filter?: ListFilter): IterableIterator<Entry>;
	find(id: string): Entry | undefined;
	/** The article with this id, read in full: related stories linked and its folder's lines known through the index. */
	open(id: string): Article | undefined;
	/** Where the article stands in the filtered list, newest first; -1 when it is not in it. */
	position(id: string, filter?: ListFilter): number;
	readonly titles: TitleLookup;
	siteLines(folder: string): ReadonlySet<string>;
	search(query: string, options?: ListFilter & {limit?: number}): SearchHit[];
	refresh(options?: {onProgress?: (done: number, total: number) => void; wait?: boolean; batchMs?: number; quick?: boolean; fields?: FieldNames; skipped?: SkipCounts}): Promise<RefreshSummary>;
	close(): void;
};

export type CatalogOptions = {env: NodeJS.ProcessEnv; warn: (message: string) => void; followLinks?: boolean; workerScript?: string};

/** Whether PATH is a dataset that has an index: a folder or a JSON Lines file. */
export function isIndexable(path: string): boolean {
	if (path === '-') return false;
	try {
		const stats = statSync(path);
		return stats.isDirectory() || (stats.isFile() && RECORD_FILE.test(path));
	} catch {
		return false;
	}
}

const ROW_COLUMNS = 'id, file, raw, place_offset, place_length, compressed, title, published, url, stated';
type StoredRow = Parameters<typeof entryOf>[0];

function filterClause(filter: ListFilter): {sql: string; parameters: Record<string, unknown>} {
	// Older captures of an address are opened by their record ids, never listed.
	const parts: string[] = ['a.superseded = 0'];
	const parameters: Record<string, unknown> = {};
	if (filter.since !== undefined) {
		parts.push('a.sort_time >= @since');
		parameters.since = filter.since;
	}
	if (filter.until !== undefined) {
		parts.push(`a.sort_time < @until AND a.sort_time > ${UNDATED}`);
		parameters.until = filter.until;
	}
	if (filter.text !== undefined && foldQuery(filter.text.trim()) !== '') {
		parts.push("(a.title_folded LIKE @text ESCAPE '\\' OR a.id LIKE @text ESCAPE '\\')");
		parameters.text = `%${foldQuery(filter.text.trim()).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
	}
	if (filter.site !== undefined) {
		parts.push("(a.site = @site OR a.site LIKE @subdomain ESCAPE '\\')");
		parameters.site = filter.site.toLowerCase().replace(/^www\./, '');
		parameters.subdomain = `%.${String(parameters.site).replace(/[\\%_]/g, (character) => `\\${character}`)}`;
	}
	return {sql: ` AND ${parts.join(' AND ')}`, parameters};
}

// The clause of a listing with no filter, whose count the index keeps (see schema.ts).
const UNFILTERED = filterClause({}).sql;

// A search ranks by bm25 (the title weighs eight times the body), and a newer article gains up to
// a quarter of its score, half of that after six months: relevance first, recency to break near-ties.
const HALF_LIFE_MS = 182 * 24 * 3600 * 1000;
const SCORED_MATCHES = 5000;

export function openCatalog(path: string, options: CatalogOptions): Catalog {
	const root = datasetKey(path);
	const handle = openIndex(root, options.env, options.warn);
	const {db} = handle;
	const statements = new Map<string, Statement>();
	const prepared = (sql: string) => {
		let statement = statements.get(sql);
		if (!statement) statements.set(sql, (statement = db.prepare(sql)));
		return statement;
	};
	const byId = db.prepare(`SELECT ${ROW_COLUMNS} FROM articles WHERE id = ?`);
	const byTitle = db.prepare('SELECT id FROM articles WHERE title_key = ? ORDER BY n LIMIT 1');
	const byUrl = db.prepare('SELECT id FROM articles WHERE url_key = ? ORDER BY superseded, n LIMIT 1');
	const siteLines = new Map<string, ReadonlySet<string>>();
	return {
		root,
		handle,
		count(filter = {}) {
			const {sql, parameters} = filterClause(filter);
			if (sql === UNFILTERED) return (prepared('SELECT listed FROM totals').get() as {listed: number}).listed;
			return (prepared(`SELECT count(*) AS count FROM articles a WHERE 1${sql}`).get(parameters) as {count: number}).count;
		},
		rows(filter = {}, offset = 0, limit = -1) {
			const {sql, parameters} = filterClause(filter);
			const statement = prepared(`SELECT id, file AS source, title, published, url FROM articles a WHERE 1${sql} ORDER BY a.sort_time DESC, a.id LIMIT @limit OFFSET @offset`);
			return statement.all({...parameters, limit, offset}) as Entry[];
		},
		eachRow(filter = {}) {
			const {sql, parameters} = filterClause(filter);
			return prepared(`SELECT id, file AS source, title, published, url FROM articles a WHERE 1${sql} ORDER BY a.sort_time DESC, a.id`).iterate(parameters) as IterableIterator<Entry>;
		},
		find(id) {
			const row = byId.get(id) as StoredRow | undefined;
			return row && entryOf(row);
		},
		open(id) {
			const entry = this.find(id);
			if (!entry) return undefined;
			const folder = dirname(resolve(entry.source));
			return openArticle(entry, this.titles, () => this.siteLines(folder));
		},
		position(id, filter = {}) {
			const {sql, parameters} = filterClause(filter);
			const own = prepared(`SELECT a.sort_time AS time FROM articles a WHERE a.id = @id${sql}`).get({...parameters, id}) as {time: number} | undefined;
			if (!own) return -1;
			const before = prepared(`SELECT count(*) AS count FROM articles a WHERE (a.sort_time > @time OR (a.sort_time = @time AND a.id < @id))${sql}`);
			return (before.get({...parameters, id, time: own.time}) as {count: number}).count;
		},
		titles: {
			// Keys of web addresses start with NUL (see titles.ts), titles' never do.
			get: (key: string) => ((key.startsWith('\u0000') ? byUrl : byTitle).get(key) as {id: string} | undefined)?.id,
			get size() {
				return (prepared('SELECT count(*) AS count FROM articles').get() as {count: number}).count;
			},
		},
		siteLines(folder) {
			let lines = siteLines.get(folder);
			if (!lines) {
				// Text pages only: a site's recurring lines are looked for in text, not in HTML or files of records.
				const files = prepared("SELECT path, raw FROM files WHERE path LIKE '%.txt' ORDER BY path").all() as {path: string; raw: Buffer | null}[];
				const pages = files.filter((file) => dirname(resolve(file.path)) === folder).map((file) => ({path: file.raw ?? file.path, label: file.path}));
				siteLines.set(folder, (lines = recurringLines(pages)));
			}
			return lines;
		},
		search(query, {limit = -1, ...filter} = {}) {
			const terms = parseQuery(query);
			const {sql, parameters} = filterClause(filter);
			const newest = (prepared('SELECT max(sort_time) AS newest FROM articles WHERE superseded = 0').get() as {newest: number | null}).newest ?? 0;
			const match = matchExpression(terms);
			// Scoring costs a look at every match. A query that matches very many articles (a common
			// word, which tells little on its own) is ranked without it: those with the words in their
			// title first, then the rest, newest first in each.
			const many = (prepared('SELECT count(*) AS count FROM fts WHERE fts MATCH ?').get(match) as {count: number}).count > SCORED_MATCHES;
			let top: Array<{n: number; score: number}>;
			if (many) {
				const newestOf = prepared(`SELECT a.n AS n, 0.0 AS score FROM articles a
					WHERE a.n IN (SELECT rowid FROM fts WHERE fts MATCH @match)${sql} ORDER BY a.sort_time DESC, a.id LIMIT @limit`);
				const inTitle = newestOf.all({...parameters, match: `title : (${match})`, limit}) as Array<{n: number; score: number}>;
				const rest = limit === -1 || inTitle.length < limit ? (newestOf.all({...parameters, match, limit: limit === -1 ? -1 : limit + inTitle.length}) as Array<{n: number; score: number}>) : [];
				const seen = new Set(inTitle.map(({n}) => n));
				top = [...inTitle, ...rest.filter(({n}) => !seen.has(n))];
				if (limit !== -1) top = top.slice(0, limit);
			} else {
				const ranked = prepared(`SELECT a.n AS n, bm25(fts, 8.0, 1.0) * (1.0 + CASE WHEN a.sort_time = ${UNDATED} THEN 0.0 ELSE 0.25 / (1.0 + max(0.0, @newest - a.sort_time) / ${HALF_LIFE_MS}.0) END) AS score
					FROM fts JOIN articles a ON a.n = fts.rowid
					WHERE fts MATCH @match${sql}
					ORDER BY score, a.id LIMIT @limit`);
				top = ranked.all({...parameters, match, newest, limit}) as Array<{n: number; score: number}>;
			}
			// Only the results read their rows and texts.
			const row = prepared(`SELECT ${ROW_COLUMNS}, b.body FROM articles a JOIN bodies b ON b.n = a.n WHERE a.n = ?`);
			return top.map(({n, score}) => {
				const stored = row.get(n) as StoredRow & {body: string};
				return {entry: entryOf(stored), score: -score, snippet: snippetOf(stored.body, terms)};
			});
		},
		refresh(refreshOptions = {}) {
			// The walk starts from the real path, the index's key: a dataset named through a link is the same dataset.
			return refreshIndex(db, root, {
				warn: options.warn,
				followLinks: options.followLinks,
				onProgress: refreshOptions.onProgress,
				wait: refreshOptions.wait ?? true,
				workerScript: options.workerScript,
				batchMs: refreshOptions.batchMs,
				quick: refreshOptions.quick,
				fields: refreshOptions.fields,
				skipped: refreshOptions.skipped,
			});
		},
		close() {
			db.close();
		},
	};
}

/** A date given on the command line (`2019-11-20`, `20191120`, `Nov 20, 2019`) as a time; `end` moves a day to its end. */
export function dateBound(text: string, end: boolean, parse: (text: string) => string | null): number | undefined {
	const iso = parse(text);
	if (!iso) return undefined;
	const time = sortTime(iso);
	if (!Number.isFinite(time)) return undefined;
	return end && iso.length === 10 ? time + 24 * 3600 * 1000 : time;
}

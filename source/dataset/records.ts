// Files that hold many articles — JSON Lines, WARC archives, Parquet datasets — as one stream of
// records, each with the page it holds and where it lies in its file, so that it can be read again
// when its article is opened. What a record states (title, date, address, id) is kept beside the
// page, and the page says whether it is text or HTML.
import {fstatSync, type PathLike} from 'node:fs';
import {charsetOfContentType} from '../html/charset';
import {detached} from '../text/detach';
import {decodeContent, parseHttpResponse} from './http';
import {FIELD_NAMES, JSONL_FILE, namesFor, readJsonLineAt, readJsonLines, readPlace, recordOf, recordPage, type FieldNames, type JsonRecord, type RecordPlace} from './jsonl';
import {crawlReaders} from './crawl-readers';
import type {ParquetFile} from './parquet';
import {readWarc, readWarcRecordAt, WARC_FILE, warcParts, type WarcHeaders, type WarcPart} from './warc';

export type {FieldNames, RecordPlace} from './jsonl';

export const PARQUET_FILE = /\.parquet$/i;

export const RECORD_FILE = /\.(?:jsonl(?:\.gz)?|warc(?:\.gz)?|parquet)$/i;

/**
 * A page: its text, or an HTML page's bytes with the charset its response declared; for a captured
 * page, where and when it was captured.
 */
export type Page = ({format: 'text'; text: string} | {format: 'html'; bytes: Uint8Array; charset?: string}) & {url?: string; crawled?: string};

export type DataRecord = {
	page: Page;
	title?: string;
	url?: string;
	published?: string;
	id?: string;
	/** Another id the record answers to (a WARC record's WARC-Record-ID). */
	alias?: string;
	language?: string;
};

export type PlacedRecord = {record: DataRecord; lineNumber: number; place: RecordPlace};

/** Records passed over, by reason, for the summary `--verbose` prints. */
export type SkipCounts = Map<string, number>;

export type RecordOptions = {fields?: FieldNames; skipped?: SkipCounts; source?: NodeJS.ReadableStream; part?: RecordPart};

/**
 * A part of a file of records, read apart from the rest (by another thread; see
 * dataset/parallel-list.ts): for a WARC archive, the gzip members that start in the byte range
 * [from, to) (see WarcPart); for Parquet, the row groups from `from` to before `to`. Its records are
 * numbered from 1 within the part; reading it sets `count`, how many numbers it used, and `ended`
 * and `whole` as WarcPart says.
 */
export type RecordPart = WarcPart & {count?: number};

/** Counts one more record or page passed over for `reason`. */
export const countSkip = (skipped: SkipCounts | undefined, reason: string) => skipped?.set(reason, (skipped.get(reason) ?? 0) + 1);

const fromJson = (record: JsonRecord): DataRecord => {
	const data: DataRecord = {page: {format: 'text', text: recordPage(record)}};
	if (record.title !== undefined) data.title = record.title;
	if (record.url !== undefined) data.url = record.url;
	if (record.published !== undefined) data.published = record.published;
	if (record.id !== undefined) data.id = record.id;
	if (record.language !== undefined) data.language = record.language;
	return data;
};

/** A WARC record's id: its target address without the scheme and `www.`, a short and stable name. */
export function idOfUri(uri: string): string {
	return uri.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\d*\./i, '').replace(/\/$/, '');
}

const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** Whether bytes start like an HTML document (a BOM and white space aside). */
const looksLikeMarkup = (bytes: Buffer) => /^(?:\xef\xbb\xbf)?\s*</.test(bytes.subarray(0, 512).toString('latin1'));

/** The page a WARC record holds, or the reason it holds none. */
export function warcPage(headers: WarcHeaders, block: Buffer): DataRecord | string {
	const type = headers.get('warc-type') ?? 'unknown';
	if (type !== 'response' && type !== 'resource') return type;
	// What a listing keeps of a record (its address, record id and date) is detached from the
	// record's headers, which would otherwise stay in memory with every listed record.
	const uri = headers.get('warc-target-uri')?.replace(/^<|>$/g, '');
	if (!uri) return `${type} without an address`;
	let contentType: string | undefined;
	let body: Buffer;
	if (type === 'resource') {
		// A resource record holds the document itself, typed by the record's own Content-Type.
		contentType = headers.get('content-type');
		body = block;
	} else {
		const response = parseHttpResponse(block);
		if (!response) return 'not HTTP';
		if (response.status >= 300 && response.status < 400) return 'redirect';
		if (response.status !== 200) return `HTTP ${response.status}`;
		contentType = response.headers.get('content-type');
		try {
			body = decodeContent(response.body, response.headers.get('content-encoding'));
		} catch {
			// Servers and crawlers mislabel bodies: one that is plainly HTML as stored is read as stored.
			if (!looksLikeMarkup(response.body)) return 'undecodable body';
			body = response.body;
		}
	}
	// A document that does not say what it is is taken for HTML when it looks like it.
	if (contentType ? !HTML_TYPE.test(contentType) : !looksLikeMarkup(body)) return 'not HTML';
	const crawled = headers.get('warc-date');
	const charset = charsetOfContentType(contentType);
	const url = detached(uri);
	const page: Page = {format: 'html', bytes: body, url, ...(charset ? {charset} : {})};
	if (crawled) page.crawled = detached(crawled);
	const record: DataRecord = {page, url, id: detached(idOfUri(uri))};
	const recordId = headers.get('warc-record-id')?.replace(/^<|>$/g, '');
	if (recordId) record.alias = detached(recordId);
	return record;
}

async function* warcRecords(path: PathLike, label: string, warn: (message: string) => void, skipped?: SkipCounts, part?: RecordPart): AsyncGenerator<PlacedRecord> {
	let number = 0;
	for await (const {headers, block, truncated, place} of readWarc(path, label, warn, part)) {
		number++;
		if (part) part.count = number;
		if (truncated) {
			countSkip(skipped, 'over the page limit');
			continue;
		}
		const record = warcPage(headers, block);
		if (typeof record === 'string') countSkip(skipped, record);
		else yield {record, lineNumber: number, place: {path, offset: place.offset, length: place.length, compressed: place.stream}};
	}
}

/** The column each field is read from: the user's name for it (a struct's field by its path, `meta.url`), else the first known name present. */
function columnsOf(file: ParquetFile, fields: FieldNames | undefined): Partial<Record<keyof typeof FIELD_NAMES, string>> {
	const columns: Partial<Record<keyof typeof FIELD_NAMES, string>> = {};
	for (const field of Object.keys(FIELD_NAMES) as Array<keyof typeof FIELD_NAMES>) {
		const names = namesFor(field, fields);
		const found = names.find((name) => file.columns.includes(name));
		if (found) columns[field] = found;
		else if (fields?.[field]) throw new Error(`no column ${fields[field]} (it has ${file.columns.join(', ')})`);
	}
	if (!columns.text) throw new Error(`no text column (${namesFor('text', fields).join(', ')}); it has ${file.columns.join(', ')}: name one with --field text=COLUMN`);
	return columns;
}

/** The values of a row, by the names the record fields go by. */
function rowsOf(file: ParquetFile, columns: Partial<Record<string, string>>, group: number, from: number, to: number): Array<Record<string, unknown>> {
	const rows: Array<Record<string, unknown>> = Array.from({length: to - from}, () => ({}));
	for (const column of new Set(Object.values(columns))) {
		const values = crawlReaders().parquet.readColumnValues(file, group, column!, from, to);
		values.forEach((value, i) => (rows[i]![column!] = value));
	}
	return rows;
}

async function* parquetRecords(path: PathLike, label: string, warn: (message: string) => void, fields?: FieldNames, part?: RecordPart): AsyncGenerator<PlacedRecord> {
	const {openParquet, closeParquet, rowGroupStarts} = crawlReaders().parquet;
	const file = openParquet(path, label);
	try {
		const columns = columnsOf(file, fields);
		const starts = rowGroupStarts(file);
		const first = part?.from ?? 0;
		const last = Math.min(starts.length - 1, part?.to ?? Number.POSITIVE_INFINITY);
		if (part) {
			part.count = starts[last]! - starts[first]!;
			part.ended = last;
		}
		for (let group = first; group < last; group++) {
			const size = starts[group + 1]! - starts[group]!;
			// A batch of rows at a time: a row group of 100,000 articles is not held decoded whole.
			for (let from = 0; from < size; from += PARQUET_BATCH_ROWS) {
				let rows;
				try {
					rows = rowsOf(file, columns, group, from, Math.min(size, from + PARQUET_BATCH_ROWS));
				} catch (error) {
					warn(`${label}: row group ${group + 1} cannot be read (${(error as Error).message.replace(/^parquet /, '')}); skipped`);
					break;
				}
				for (const [i, row] of rows.entries()) {
					const number = starts[group]! + from + i + 1;
					const record = recordOf(row, columns);
					if (typeof record === 'string') warn(`${label}: row ${number}: ${record}, skipped`);
					else yield {record: fromJson(record), lineNumber: number - starts[first]!, place: {path, offset: number - 1, length: 0, compressed: false}};
				}
				// Each batch is one turn: the rest of the program is not kept waiting.
				await new Promise((resolve) => setImmediate(resolve));
			}
		}
	} finally {
		closeParquet(file);
	}
}

const PARQUET_BATCH_ROWS = 1000;


/** The records of a JSON Lines, WARC or Parquet file, one at a time; `warn` hears of each fault. */
export function readRecords(path: PathLike, label: string, warn: (message: string) => void, options: RecordOptions = {}): AsyncGenerator<PlacedRecord> {
	if (WARC_FILE.test(label)) return warcRecords(path, label, warn, options.skipped, options.part);
	if (PARQUET_FILE.test(label)) return parquetRecords(path, label, warn, options.fields, options.part);
	return jsonRecords(path, label, warn, options);
}

async function* jsonRecords(path: PathLike, label: string, warn: (message: string) => void, options: RecordOptions): AsyncGenerator<PlacedRecord> {
	for await (const {record, lineNumber, place} of readJsonLines(path, label, warn, options.source, options.fields)) yield {record: fromJson(record), lineNumber, place};
}

/**
 * How a file of records can be cut into about `count` parts read apart, in order; undefined when it
 * cannot (JSON Lines, a WARC archive that is not one gzip member a record, a Parquet file of one
 * row group) or is smaller than `least` bytes, too small for it to pay.
 */
export function recordParts(path: PathLike, label: string, count: number, least: number): RecordPart[] | undefined {
	if (WARC_FILE.test(label)) return warcParts(path, label, count, least);
	if (!PARQUET_FILE.test(label)) return undefined;
	const {openParquet, closeParquet, rowGroupStarts} = crawlReaders().parquet;
	const file = openParquet(path, label);
	try {
		const starts = rowGroupStarts(file);
		const groups = starts.length - 1;
		if (count < 2 || groups < 2 || fstatSync(file.descriptor).size < least) return undefined;
		// Parts of about equal rows, each of whole row groups: each starts at the first group at or past its share.
		const cuts = [0];
		for (let share = 1; share < count; share++) {
			let group = cuts.at(-1)! + 1;
			while (group < groups && starts[group]! < (starts[groups]! * share) / count) group++;
			if (group < groups) cuts.push(group);
		}
		const parts: RecordPart[] = cuts.map((from, i) => ({from, to: cuts[i + 1] ?? groups}));
		return parts.length > 1 ? parts : undefined;
	} finally {
		closeParquet(file);
	}
}

/** One record read again from its place; a string says why it cannot be. */
export function readRecordAt(place: RecordPlace, label: string, fields?: FieldNames): DataRecord | string {
	if (WARC_FILE.test(label)) {
		const {headers, block} = readWarcRecordAt(place.path, {offset: place.offset, length: place.length, stream: place.compressed}, label, (offset, length) => readPlace({...place, offset, length}));
		return warcPage(headers, block);
	}
	if (PARQUET_FILE.test(label)) {
		const {openParquet, closeParquet, rowGroupStarts} = crawlReaders().parquet;
		const file = openParquet(place.path, label);
		try {
			const starts = rowGroupStarts(file);
			const group = starts.findIndex((start, i) => i + 1 < starts.length && place.offset >= start && place.offset < starts[i + 1]!);
			if (group === -1) return 'gone (the file has fewer rows now)';
			const columns = columnsOf(file, fields);
			const [row] = rowsOf(file, columns, group, place.offset - starts[group]!, place.offset - starts[group]! + 1);
			const record = recordOf(row!, columns);
			return typeof record === 'string' ? record : fromJson(record);
		} finally {
			closeParquet(file);
		}
	}
	const record = readJsonLineAt(place, fields);
	return typeof record === 'string' ? record : fromJson(record);
}

export {JSONL_FILE, WARC_FILE};

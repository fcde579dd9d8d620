// Crawl datasets in JSON Lines (`.jsonl`, `.jsonl.gz`): one record per line, with the page text in
// `text`, `content`, `body` or `articleBody`, and optionally `title`, `url`, `date` or `timestamp`,
// and `id`. Files are read as streams, so their size does not matter; a line that is not such a
// record is reported and skipped.
import {createReadStream, openSync, readSync, closeSync} from 'node:fs';
import {createGunzip} from 'node:zlib';
import {findDate, parseCompactDate} from '../article/dates';

export const JSONL_FILE = /\.jsonl(?:\.gz)?$/i;

export type JsonRecord = {text: string; title?: string; url?: string; published?: string; id?: string};

/** Where a record lies, to read it again when its article is opened. */
export type RecordPlace = {path: string; offset: number; length: number};

export type RecordLine = {record: JsonRecord; lineNumber: number; place?: RecordPlace};

const TEXT_FIELDS = ['text', 'content', 'body', 'articleBody'] as const;

function dateOf(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) {
		// Seconds or milliseconds since the epoch, in UTC.
		const date = new Date(value < 1e11 ? value * 1000 : value);
		return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
	}
	if (typeof value !== 'string') return undefined;
	return parseCompactDate(value) ?? findDate(value)?.iso;
}

/** The record a line holds, or a reason it holds none. */
export function parseRecord(line: string): JsonRecord | string {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return 'not valid JSON';
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
	const fields = value as Record<string, unknown>;
	const text = TEXT_FIELDS.map((field) => fields[field]).find((field): field is string => typeof field === 'string');
	if (text === undefined) return `no text field (${TEXT_FIELDS.join(', ')})`;
	const record: JsonRecord = {text};
	if (typeof fields.title === 'string' && fields.title.trim() !== '') record.title = fields.title.trim();
	if (typeof fields.url === 'string') record.url = fields.url;
	const published = dateOf(fields.date ?? fields.timestamp);
	if (published) record.published = published;
	if (typeof fields.id === 'string' || typeof fields.id === 'number') record.id = String(fields.id);
	return record;
}

/** The records of a JSON Lines file, one at a time; `warn` hears of each line that is not one. */
export async function* readRecords(path: string, warn: (message: string) => void): AsyncGenerator<RecordLine> {
	const compressed = /\.gz$/i.test(path);
	const stream = compressed ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
	let pending = Buffer.alloc(0);
	let offset = 0;
	let lineNumber = 0;
	const take = function* (line: Buffer, start: number): Generator<RecordLine> {
		lineNumber++;
		const text = line.toString('utf8').trim();
		if (text === '') return;
		const record = parseRecord(text);
		if (typeof record === 'string') warn(`${path}:${lineNumber}: ${record}, skipped`);
		else yield {record, lineNumber, place: compressed ? undefined : {path, offset: start, length: line.length}};
	};
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
		let start = 0;
		for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
			yield* take(data.subarray(start, end), offset + start);
			start = end + 1;
		}
		offset += start;
		pending = Buffer.from(data.subarray(start));
	}
	if (pending.length > 0) yield* take(pending, offset);
}

/** One record read again from its place in an uncompressed file. */
export function readRecordAt(place: RecordPlace): JsonRecord | string {
	const buffer = Buffer.alloc(place.length);
	const descriptor = openSync(place.path, 'r');
	try {
		readSync(descriptor, buffer, 0, place.length, place.offset);
	} finally {
		closeSync(descriptor);
	}
	return parseRecord(buffer.toString('utf8'));
}

/** The page a record stands for: its title, when it has one, above its text. */
export function recordPage(record: JsonRecord): string {
	return record.title ? `${record.title}\n\n${record.text}` : record.text;
}

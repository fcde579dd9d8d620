// Crawl datasets in JSON Lines (`.jsonl`, `.jsonl.gz`): one record per line, with the page text in
// `text`, `content`, `body` or `articleBody`, and optionally `title`, `url`, `date` or `timestamp`,
// and `id`. Files are read as streams in linear time and bounded memory, whatever the size of the
// file or of one line; a line that is not such a record, or is longer than a page may be, is
// reported and skipped. Records are not kept: each is read again from its place when opened.
import {closeSync, createReadStream, readSync, type PathLike} from 'node:fs';
import {Gunzip} from 'fflate';
import {createGunzip} from 'node:zlib';
import {findDate, parseCompactDate} from '../article/dates';
import {openRegularFile, overLimit, PAGE_LIMIT_BYTES} from './bounded-read';

export const JSONL_FILE = /\.jsonl(?:\.gz)?$/i;
const GZIP_FILE = /\.gz$/i;

export type JsonRecord = {text: string; title?: string; url?: string; published?: string; id?: string; language?: string};

/**
 * Where a record lies, to read it again when its article is opened: a byte range of the file, or
 * of its decompressed stream for gzip files.
 */
export type RecordPlace = {path: PathLike; offset: number; length: number; compressed: boolean};

export type RecordLine = {record: JsonRecord; lineNumber: number; place: RecordPlace};

/** The names a record's fields go by, in the order they are looked for; `--field` puts a name first. */
export const FIELD_NAMES = {
	text: ['text', 'content', 'body', 'articleBody', 'article', 'maintext'],
	title: ['title', 'headline'],
	url: ['url', 'link'],
	date: ['date', 'published', 'date_publish', 'timestamp', 'datePublished'],
	id: ['id'],
	language: ['language', 'lang', 'inLanguage'],
} as const;

export type Field = keyof typeof FIELD_NAMES;

/** Field → the name the user gave it (`--field text=story`). */
export type FieldNames = Partial<Record<Field, string>>;

/** The names to look for a field under: the user's, alone, when given. */
export const namesFor = (field: Field, fields: FieldNames | undefined): readonly string[] => (fields?.[field] ? [fields[field]] : FIELD_NAMES[field]);

/**
 * A field's value: the field of that name, else the one at that path through nested objects
 * (`meta.url`, as a user names it with --field). Fields of nested objects are not looked for by
 * name alone: `source.id` or `publisher.url` is not the article's.
 */
function fieldValue(values: Record<string, unknown>, name: string): unknown {
	if (Object.hasOwn(values, name) || !name.includes('.')) return values[name];
	let value: unknown = values;
	for (const key of name.split('.')) {
		if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

const pick = (values: Record<string, unknown>, names: readonly string[]) => names.map((name) => fieldValue(values, name)).find((value) => value !== undefined && value !== null);

export function dateOf(value: unknown): string | undefined {
	if (value instanceof Date) {
		// A placeholder or an overflow (year 1, year 275760) is no date.
		if (Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1900 || value.getUTCFullYear() > 2200) return undefined;
		// A column of days (Parquet's date32) gives midnight UTC: the day is what it says.
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, '+00:00');
	}
	if (typeof value === 'bigint') return dateOf(Number(value));
	if (typeof value === 'number' && Number.isFinite(value)) {
		// Seconds or milliseconds since the epoch, in UTC.
		const date = new Date(value < 1e11 ? value * 1000 : value);
		return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
	}
	if (typeof value !== 'string') return undefined;
	return parseCompactDate(value) ?? findDate(value)?.iso;
}

/** The record a line holds, or a reason it holds none. */
export function parseRecord(line: string, fields?: FieldNames): JsonRecord | string {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return 'not valid JSON';
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
	return recordOf(value as Record<string, unknown>, fields);
}

/** The record in a row's values (a JSON object, a Parquet row), or a reason it holds none. */
export function recordOf(values: Record<string, unknown>, fields?: FieldNames): JsonRecord | string {
	const textNames = namesFor('text', fields);
	const text = pick(values, textNames);
	if (typeof text !== 'string') return `no text field (${textNames.join(', ')})`;
	const record: JsonRecord = {text};
	const title = pick(values, namesFor('title', fields));
	if (typeof title === 'string' && title.trim() !== '') record.title = title.trim();
	const url = pick(values, namesFor('url', fields));
	if (typeof url === 'string') record.url = url;
	const published = dateOf(pick(values, namesFor('date', fields)));
	if (published) record.published = published;
	const id = pick(values, namesFor('id', fields));
	if (typeof id === 'string' || typeof id === 'number' || typeof id === 'bigint') record.id = String(id);
	const language = pick(values, namesFor('language', fields));
	if (typeof language === 'string' && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(language)) record.language = language.replace('_', '-');
	return record;
}

/**
 * The lines of a byte stream with their offsets. A line is gathered from its chunks once, when its
 * end is seen, and each byte is scanned for a newline once: linear in the size of the stream. A
 * line longer than `limit` is not gathered; it comes as `null`, with its length.
 */
export async function* streamLines(stream: AsyncIterable<Buffer>, limit = PAGE_LIMIT_BYTES): AsyncGenerator<{line: Buffer | null; offset: number; length: number}> {
	let parts: Buffer[] = [];
	let length = 0;
	let offset = 0;
	for await (const chunk of stream) {
		let start = 0;
		for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
			const piece = chunk.subarray(start, end);
			const total = length + piece.length;
			const line = total > limit ? null : parts.length === 0 ? piece : Buffer.concat([...parts, piece], total);
			yield {line, offset, length: total};
			offset += total + 1;
			parts = [];
			length = 0;
			start = end + 1;
		}
		const rest = chunk.subarray(start);
		if (rest.length === 0) continue;
		length += rest.length;
		if (length <= limit) parts.push(rest);
		else parts = [];
	}
	if (length > 0) yield {line: length > limit ? null : Buffer.concat(parts, length), offset, length};
}

/** The records of a JSON Lines file, one at a time; `warn` hears of each line that is not one. */
export async function* readJsonLines(path: PathLike, label: string, warn: (message: string) => void, source?: NodeJS.ReadableStream, fields?: FieldNames): AsyncGenerator<RecordLine> {
	const compressed = GZIP_FILE.test(label);
	const file: NodeJS.ReadableStream = source ?? createReadStream(path);
	const gunzip = compressed ? createGunzip() : undefined;
	const stream: NodeJS.ReadableStream = gunzip ? file.pipe(gunzip) : file;
	// A read error is the file's, not the gunzip stream's: it must end the loop below too.
	if (gunzip) file.on('error', (error: Error) => gunzip.destroy(error));
	let lineNumber = 0;
	try {
		for await (const {line, offset, length} of streamLines(stream as AsyncIterable<Buffer>)) {
			lineNumber++;
			if (line === null) {
				warn(`${overLimit(`${label}:${lineNumber}`, length).message}, skipped`);
				continue;
			}
			const text = line.toString('utf8').trim();
			if (text === '') continue;
			const record = parseRecord(text, fields);
			if (typeof record === 'string') warn(`${label}:${lineNumber}: ${record}, skipped`);
			else yield {record, lineNumber, place: {path, offset, length, compressed}};
		}
	} finally {
		destroy(stream);
		destroy(file);
	}
}

const destroy = (stream: NodeJS.ReadableStream) => (stream as NodeJS.ReadableStream & {destroy?: () => void}).destroy?.();

const CHUNK_BYTES = 1 << 20;

type Cursor = {path: PathLike; descriptor: number; engine: Gunzip; position: number; pending: Buffer[]};
// The last gzip stream read, kept open: records opened in file order continue from it, so reading
// a file's records one after another decompresses the file once.
let cursor: Cursor | undefined;

function closeCursor(): void {
	if (!cursor) return;
	closeSync(cursor.descriptor);
	cursor = undefined;
}

/**
 * The decompressed bytes of a gzip file from `offset`, `length` of them, read in bounded memory.
 * An article is opened synchronously, and Node's zlib decompresses synchronously only a whole
 * buffer at once: fflate's streaming gunzip decompresses chunk by chunk, synchronously, and reads
 * files of several gzip members (`cat a.gz b.gz`) as one stream, as gzip does.
 */
function readCompressedRange(path: PathLike, offset: number, length: number, label: string): Buffer {
	if (!cursor || cursor.path !== path || cursor.position > offset) {
		closeCursor();
		const descriptor = openRegularFile(path, label);
		const pending: Buffer[] = [];
		cursor = {path, descriptor, engine: new Gunzip((data) => pending.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength))), position: 0, pending};
	}
	const current = cursor;
	const input = Buffer.allocUnsafe(CHUNK_BYTES);
	const parts: Buffer[] = [];
	let gathered = 0;
	for (;;) {
		// The pending pieces start at current.position in the decompressed stream.
		while (current.pending.length > 0) {
			const piece = current.pending[0]!;
			const end = current.position + piece.length;
			if (end > offset) {
				const from = Math.max(0, offset - current.position);
				const to = Math.min(piece.length, offset + length - current.position);
				parts.push(piece.subarray(from, to));
				gathered += to - from;
				if (gathered >= length) {
					current.pending[0] = piece.subarray(to);
					current.position += to;
					return Buffer.concat(parts, gathered);
				}
			}
			current.pending.shift();
			current.position = end;
		}
		const read = readSync(current.descriptor, input, 0, CHUNK_BYTES, null);
		if (read === 0) throw new Error('the file ends before the record');
		// fflate keeps what it is given: each chunk is a copy.
		current.engine.push(new Uint8Array(input.subarray(0, read)), false);
	}
}

function readPlainRange(path: PathLike, offset: number, length: number, label: string): Buffer {
	const buffer = Buffer.alloc(length);
	const descriptor = openRegularFile(path, label);
	try {
		readSync(descriptor, buffer, 0, length, offset);
	} finally {
		closeSync(descriptor);
	}
	return buffer;
}

/** The bytes of a record's place, read again (see RecordPlace). */
export function readPlace(place: RecordPlace): Buffer {
	try {
		const label = String(place.path);
		return place.compressed ? readCompressedRange(place.path, place.offset, place.length, label) : readPlainRange(place.path, place.offset, place.length, label);
	} catch (error) {
		closeCursor();
		throw error;
	}
}

/** One record read again from its place. */
export function readJsonLineAt(place: RecordPlace, fields?: FieldNames): JsonRecord | string {
	return parseRecord(readPlace(place).toString('utf8'), fields);
}

/** The page a record stands for: its title, when it has one, above its text. */
export function recordPage(record: JsonRecord): string {
	return record.title ? `${record.title}\n\n${record.text}` : record.text;
}

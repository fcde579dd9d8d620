// WARC archives (`.warc`, `.warc.gz`), read as a stream in bounded memory: records come one at a
// time, each with where it lies in the file, so an article is opened by reading its record again.
// Compressed archives hold one gzip member per record (the standard's advice, and what wget,
// Heritrix, Browsertrix and warcio write): each member is inflated on its own with Node's zlib, so
// its place is a byte range of the file itself. An archive compressed as one stream is read through
// and its records placed in the decompressed stream instead.
//
// Faults end nothing but the damaged record: a corrupt gzip member is skipped to the next member, a
// record whose Content-Length is wrong is resynchronised on the next `WARC/` line, and an archive
// cut short keeps every record before the cut. Each fault is reported with its byte offset.
import {closeSync, createReadStream, fstatSync, readSync, type PathLike} from 'node:fs';
import {constants, createGunzip, inflateRawSync} from 'node:zlib';
import {openRegularFile, PAGE_LIMIT_BYTES} from './bounded-read';

export type WarcHeaders = Map<string, string>;

export type WarcRecord = {
	headers: WarcHeaders;
	/** The record's block: for a response, the HTTP message. At most PAGE_LIMIT_BYTES of it. */
	block: Buffer;
	/** The block was longer than what is kept. */
	truncated: boolean;
	place: WarcPlace;
};

/**
 * A byte range of the file (a gzip member, or a record of an uncompressed archive), or of the
 * decompressed stream when the archive is one gzip stream (`stream`).
 */
export type WarcPlace = {offset: number; length: number; stream: boolean};

const CHUNK = 1 << 20;

/**
 * A turn of the event loop. Reading is synchronous, a chunk or a member at a time; between them the
 * rest of the program runs (the reader's keys, timers), and so does the collector's work that
 * frees the buffers already read, which a loop of microtasks would put off until memory swells.
 */
const turn = () => new Promise((resolve) => setImmediate(resolve));
// A gzip member larger than this is not one record's: the archive is read as one stream instead.
const MEMBER_LIMIT = 64 * 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
const MAGIC = Buffer.from(GZIP_MAGIC);
// A member ends with the CRC-32 and the size of its output.
const GZIP_TRAILER = 8;

export const WARC_FILE = /\.warc(?:\.gz)?$/i;

/**
 * Where a fault is told to be: `offset` is a position in the stream of records; `at` gives it as the
 * file's (the offset itself for an uncompressed archive, the start of the gzip member that holds
 * it for one of a member a record, and for one stream its place in the decompressed stream).
 */
type Sink = {warn: (message: string) => void; label: string; at: (offset: number) => string};

const plainOffset = (offset: number) => `offset ${offset}`;
const streamOffset = (offset: number) => `offset ${offset} of the decompressed archive`;

/**
 * A part of an archive of one gzip member a record, read apart from the rest (by another thread):
 * the records of the members that start in [from, to). Reading it tells where it ended (the start
 * of the first member not read, which is `to` when the parts joined up) and whether it met what
 * only a reading from the archive's start can read (a record over several members, a member too
 * large for one record): then the archive must be read whole instead.
 */
export type WarcPart = {from: number; to: number; ended?: number; whole?: boolean};

/** Where the bytes start after the line ends (CR, LF) they begin with. */
function pastLineEnds(bytes: Buffer): number {
	let at = 0;
	while (at < bytes.length && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at++;
	return at;
}

/**
 * The records of a byte stream that holds WARC records one after another. Bytes are pushed as they
 * come, with where they start; records are taken out whole.
 */
class RecordParser {
	#parts: Buffer[] = [];
	#size = 0;
	/** Offset, in the stream pushed, of the first byte held. */
	#start = 0;
	#pending: {headers: WarcHeaders; offset: number; headerLength: number; length: number; kept: Buffer[]; keptSize: number} | undefined;
	constructor(private readonly sink: Sink) {}

	/**
	 * A gzip member starts a record: what is held before it is dropped, with a warning. A record
	 * still open was too long by its Content-Length (it ended with its member); other bytes that
	 * start no record are not searched for a `WARC/` line, which the new member starts without a
	 * line end before it.
	 */
	startRecord(): void {
		if (this.#pending) {
			this.sink.warn(`${this.sink.label}: the record at ${this.sink.at(this.#pending.offset)} is shorter than its Content-Length; skipped`);
			this.#pending = undefined;
		} else {
			const held = this.#held();
			const at = pastLineEnds(held);
			if (at < held.length) this.sink.warn(`${this.sink.label}: unexpected bytes at ${this.sink.at(this.#start + at)} (a wrong Content-Length?); skipped to the next record`);
		}
		this.#start += this.#size;
		this.#parts = [];
		this.#size = 0;
	}

	push(bytes: Buffer): void {
		if (bytes.length === 0) return;
		this.#parts.push(bytes);
		this.#size += bytes.length;
	}

	#held(): Buffer {
		if (this.#parts.length > 1) this.#parts = [Buffer.concat(this.#parts, this.#size)];
		return this.#parts[0] ?? Buffer.alloc(0);
	}

	#drop(count: number): void {
		const held = this.#held().subarray(count);
		this.#parts = held.length > 0 ? [held] : [];
		this.#size = held.length;
		this.#start += count;
	}

	/** The next whole record, or undefined when more bytes are needed. */
	take(final: boolean): {headers: WarcHeaders; block: Buffer; truncated: boolean; offset: number; length: number} | undefined {
		for (;;) {
			if (!this.#pending) {
				const held = this.#held();
				// Records are apart by blank lines; anything else before a `WARC/` line is damage.
				const at = pastLineEnds(held);
				if (at < held.length && !held.subarray(at, at + 5).equals(WARC_LINE)) {
					const next = held.indexOf(RESYNC, at);
					if (next === -1 && !final) {
						// Keep the tail: the next `\nWARC/` may straddle the chunks.
						this.#drop(Math.max(at, held.length - RESYNC.length));
						return undefined;
					}
					this.sink.warn(`${this.sink.label}: unexpected bytes at ${this.sink.at(this.#start + at)} (a wrong Content-Length?); skipped to the next record`);
					this.#drop(next === -1 ? held.length : next + 1);
					continue;
				}
				this.#drop(at);
				const current = this.#held();
				// The header block ends at the first blank line, CRLF or bare LF (a block's own CRLF
				// blank line, further on, must not be taken for it).
				let end = current.indexOf(HEADER_END);
				let endLength = 4;
				const bare = current.indexOf(HEADER_END_LF);
				if (bare !== -1 && (end === -1 || bare < end)) {
					end = bare;
					endLength = 2;
				}
				if (end === -1) {
					if (final && current.length > 0) this.sink.warn(`${this.sink.label}: the archive ends inside a record's headers at ${this.sink.at(this.#start)}`);
					if (current.length > 64 * 1024) {
						this.sink.warn(`${this.sink.label}: headers of over 64 KB at ${this.sink.at(this.#start)}; skipped`);
						this.#drop(current.length);
					}
					return undefined;
				}
				// WARC 1.1 headers are UTF-8 (an address may hold any character).
				const headers = parseHeaders(current.subarray(0, end).toString('utf8'));
				const length = Number(headers.get('content-length'));
				if (!Number.isSafeInteger(length) || length < 0) {
					this.sink.warn(`${this.sink.label}: a record without a Content-Length at ${this.sink.at(this.#start)}; skipped`);
					this.#drop(end + endLength);
					continue;
				}
				this.#pending = {headers, offset: this.#start, headerLength: end + endLength, length, kept: [], keptSize: 0};
				this.#drop(end + endLength);
			}
			const record = this.#pending;
			const held = this.#held();
			const wanted = record.length - record.keptSize;
			const keep = Math.min(held.length, wanted);
			const room = Math.max(0, PAGE_LIMIT_BYTES - record.keptSize);
			if (keep > 0) {
				if (room > 0) record.kept.push(held.subarray(0, Math.min(keep, room)));
				record.keptSize += keep;
				this.#drop(keep);
			}
			if (record.keptSize < record.length) {
				if (!final) return undefined;
				this.#pending = undefined;
				// A Content-Length longer than the record swallows the records after it: they are read
				// again from the first `WARC/` line inside the swallowed bytes.
				const swallowed = Buffer.concat(record.kept);
				const next = swallowed.indexOf(RESYNC);
				if (next !== -1) {
					this.sink.warn(`${this.sink.label}: the record at ${this.sink.at(record.offset)} is shorter than its Content-Length; read on from the next record`);
					this.#parts = [swallowed.subarray(next + 1)];
					this.#size = this.#parts[0]!.length;
					this.#start = record.offset + record.headerLength + next + 1;
					continue;
				}
				this.sink.warn(`${this.sink.label}: the archive ends inside the record at ${this.sink.at(record.offset)} (cut short?)`);
				return undefined;
			}
			this.#pending = undefined;
			// A block in one piece is handed on as it is: no copy of each record.
			const block = record.kept.length === 1 ? record.kept[0]! : Buffer.concat(record.kept);
			return {headers: record.headers, block, truncated: record.length > block.length, offset: record.offset, length: record.headerLength + record.length};
		}
	}
}

const WARC_LINE = Buffer.from('WARC/');
const RESYNC = Buffer.from('\nWARC/');
const HEADER_END = Buffer.from('\r\n\r\n');
const HEADER_END_LF = Buffer.from('\n\n');

/** Header lines (the first line, the version or HTTP status, is left out), names in lower case; continuation lines folded in. */
export function parseHeaders(text: string): WarcHeaders {
	const headers: WarcHeaders = new Map();
	let last: string | undefined;
	for (const line of text.split(/\r?\n/).slice(1)) {
		if (/^[ \t]/.test(line) && last) {
			headers.set(last, `${headers.get(last)} ${line.trim()}`);
			continue;
		}
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		last = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		// A repeated header keeps its first value, as a reader of one value would.
		if (!headers.has(last)) headers.set(last, value);
	}
	return headers;
}

/** The length of a gzip member's header, or -1 when the bytes do not start one (or it is cut). */
function gzipHeaderLength(bytes: Buffer, at: number): number {
	if (bytes[at] !== GZIP_MAGIC[0] || bytes[at + 1] !== GZIP_MAGIC[1] || bytes[at + 2] !== GZIP_MAGIC[2]) return -1;
	const flags = bytes[at + 3]!;
	let length = 10;
	if (flags & 4) {
		if (at + length + 2 > bytes.length) return -1;
		length += 2 + bytes.readUInt16LE(at + length);
	}
	for (const flag of [8, 16]) {
		if (!(flags & flag)) continue;
		const end = bytes.indexOf(0, at + length);
		if (end === -1) return -1;
		length = end + 1 - at;
	}
	if (flags & 2) length += 2;
	return at + length <= bytes.length ? length : -1;
}

type Member = {output: Buffer; length: number} | {error: string} | 'more' | 'too-large';

// Deflate seldom shrinks text more than this; a member said to grow more is not sized ahead.
const LIKELY_RATIO = 64;
// zlib's own piece size: no member is inflated in smaller pieces. A false small size would
// otherwise have a large output made in thousands of pieces (a crafted file took five times as long).
const DEFAULT_CHUNK = constants.Z_DEFAULT_CHUNK;
// A buffer is made ahead only up to this size (a page is seldom a tenth of it); a larger output
// comes in zlib's pieces. A false size so costs at most this much room, for as long as the record.
const SIZED_LIMIT = 8 * 1024 * 1024;

/**
 * The piece size to inflate the member whose deflate data starts at `from` in: one byte more than
 * its output, when the next member starts after it in the window (gzip's trailer ends with the
 * output's size, ISIZE, right before the next member's magic), so that zlib gives the output in
 * one piece instead of 16 KB pieces joined afterwards (most of the inflating's cost that was not
 * inflating); with no room left, zlib would make a second piece to see that nothing follows.
 * The magic bytes may also occur inside compressed data, and the size read there be false: it
 * then costs a piece of another size, within the bounds above. Undefined: zlib's own pieces.
 */
export function memberChunkSize(window: Buffer, from: number): number | undefined {
	const next = window.indexOf(MAGIC, from + GZIP_TRAILER);
	if (next === -1) return undefined;
	const size = window.readUInt32LE(next - 4);
	if (size === 0 || size > Math.min(SIZED_LIMIT, (next - from) * LIKELY_RATIO)) return undefined;
	return Math.max(DEFAULT_CHUNK, size + 1);
}

/** Inflates the gzip member at `at` of `window`; 'more' when the window ends before the member does. */
function inflateMember(window: Buffer, at: number, atEnd: boolean): Member {
	const header = gzipHeaderLength(window, at);
	if (header === -1) return atEnd || window.length - at > 1024 ? {error: 'not a gzip member'} : 'more';
	try {
		const chunkSize = memberChunkSize(window, at + header);
		const options = {info: true, maxOutputLength: PAGE_LIMIT_BYTES * 2, ...(chunkSize === undefined ? {} : {chunkSize})};
		const {buffer, engine} = inflateRawSync(window.subarray(at + header), options) as unknown as {buffer: Buffer; engine: {bytesWritten: number}};
		const length = header + engine.bytesWritten + GZIP_TRAILER;
		if (at + length > window.length) return atEnd ? {error: 'cut short'} : 'more';
		return {output: buffer, length};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'Z_BUF_ERROR') return atEnd ? {error: 'cut short'} : window.length - at > MEMBER_LIMIT ? 'too-large' : 'more';
		if (code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
		return {error: (error as Error).message};
	}
}

function* readPlain(descriptor: number, parser: RecordParser): Generator<undefined> {
	for (;;) {
		// A new buffer for each read: the parser keeps views of it, never copies.
		const chunk = Buffer.allocUnsafe(CHUNK);
		const read = readSync(descriptor, chunk, 0, CHUNK, null);
		if (read === 0) return;
		parser.push(chunk.subarray(0, read));
		yield;
	}
}

/**
 * The records of a WARC file: a generator of records with their places, reading the file as it
 * goes. `warn` hears of each fault.
 */
export async function* readWarc(path: PathLike, label: string, warn: (message: string) => void, part?: WarcPart): AsyncGenerator<WarcRecord> {
	const descriptor = openRegularFile(path, label);
	const sink: Sink = {warn, label, at: plainOffset};
	const parser = new RecordParser(sink);
	try {
		if (part) {
			yield* readMembers(descriptor, path, parser, sink, part);
			return;
		}
		const head = Buffer.alloc(3);
		readSync(descriptor, head, 0, 3, 0);
		if (!head.equals(MAGIC)) {
			for (const _ of readPlain(descriptor, parser)) {
				await turn();
				for (let record = parser.take(false); record; record = parser.take(false)) {
					yield {headers: record.headers, block: record.block, truncated: record.truncated, place: {offset: record.offset, length: record.length, stream: false}};
				}
			}
			for (let record = parser.take(true); record; record = parser.take(true)) yield {...record, place: {offset: record.offset, length: record.length, stream: false}};
			return;
		}
		yield* readMembers(descriptor, path, parser, sink);
	} finally {
		closeSync(descriptor);
	}
}

async function* readMembers(descriptor: number, path: PathLike, parser: RecordParser, sink: Sink, part?: WarcPart): AsyncGenerator<WarcRecord> {
	const {warn, label} = sink;
	// The compressed bytes from `windowStart`: one buffer, refilled in place, grown only for a member larger than it.
	let buffer = Buffer.allocUnsafe(4 * CHUNK);
	let window = buffer.subarray(0, 0);
	let windowStart = part?.from ?? 0;
	let atEnd = false;
	let position = windowStart;
	// Where each member's output starts in the decompressed stream, to tell whether a record is one member.
	const members: Array<{file: number; length: number; stream: number; size: number}> = [];
	let streamed = 0;
	// A fault is told at the start of the member that holds it: a place in the file, the same
	// whether the archive is read whole or in parts.
	sink.at = (offset) => {
		const member = members.findLast((held) => held.stream <= offset);
		return member ? plainOffset(member.file) : streamOffset(offset);
	};
	const fill = (size: number) => {
		const keptLength = window.length - (position - windowStart);
		if (keptLength + size > buffer.length) {
			const larger = Buffer.allocUnsafe(Math.max(2 * buffer.length, keptLength + size));
			window.copy(larger, 0, position - windowStart);
			buffer = larger;
		} else buffer.copyWithin(0, position - windowStart, window.length);
		const read = readSync(descriptor, buffer, keptLength, buffer.length - keptLength, windowStart + window.length);
		if (read === 0) atEnd = true;
		window = buffer.subarray(0, keptLength + read);
		windowStart = position;
	};
	const placeOf = (record: {offset: number; length: number}): WarcPlace => {
		// A record that is exactly one member (with the blank lines after it) is read again from the file.
		while (members.length > 0 && members[0]!.stream + members[0]!.size <= record.offset) members.shift();
		const member = members[0];
		if (member && member.stream === record.offset && record.length <= member.size && member.size - record.length <= 4) return {offset: member.file, length: member.length, stream: false};
		return {offset: record.offset, length: record.length, stream: true};
	};
	for (;;) {
		if (part && position >= part.to) break;
		if (window.length - (position - windowStart) < 64 && !atEnd) fill(CHUNK);
		const at = position - windowStart;
		if (at >= window.length) break;
		const member = inflateMember(window, at, atEnd);
		if (member === 'more') {
			fill(2 * (window.length - at));
			continue;
		}
		if (member === 'too-large' && part) {
			part.whole = true;
			return;
		}
		if (member === 'too-large') {
			// One stream for the whole archive (or a member too large for a record): read through.
			sink.at = streamOffset;
			yield* readStream(path, position, parser, (record) => ({offset: record.offset, length: record.length, stream: true}), warn, label);
			return;
		}
		if ('error' in member) {
			if (member.error === 'cut short') {
				warn(`${label}: the archive is cut short at offset ${position}; the records before it are kept`);
				break;
			}
			warn(`${label}: a damaged gzip member at offset ${position} (${member.error}); skipped`);
			// The next member is looked for past the damage, through the file a window at a time (the
			// window's end is no reason to stop, and a window must hold no more than the file's
			// chunk); the damaged member's bytes would be taken for the next record's start: they are lost.
			let from = at + 1;
			let next = window.indexOf(MAGIC, from);
			while (next === -1 && !atEnd) {
				// The last bytes are kept: a member's first bytes may straddle two windows.
				position = windowStart + Math.max(from, window.length - MAGIC.length + 1);
				fill(CHUNK);
				from = 0;
				next = window.indexOf(MAGIC, from);
			}
			if (next === -1) break;
			position = windowStart + next;
			parser.push(Buffer.from('\n'));
			streamed += 1;
			continue;
		}
		if (members.length % 8 === 0) await turn();
		// One record a member: a record still open when the next member starts one was too long by its header.
		if (member.output.subarray(0, 5).equals(WARC_LINE)) parser.startRecord();
		members.push({file: position, length: member.length, stream: streamed, size: member.output.length});
		parser.push(member.output);
		streamed += member.output.length;
		position += member.length;
		for (let record = parser.take(false); record; record = parser.take(false)) {
			const place = placeOf(record);
			// A record over several members is placed in the stream of the whole archive.
			if (part && place.stream) {
				part.whole = true;
				return;
			}
			yield {headers: record.headers, block: record.block, truncated: record.truncated, place};
		}
	}
	if (part) {
		part.ended = position;
		// The next part starts a record: what is still held here is dropped as it would be when
		// the next member is read in one reading of the archive.
		if (position >= part.to) {
			parser.startRecord();
			return;
		}
	}
	for (let record = parser.take(true); record; record = parser.take(true)) yield {headers: record.headers, block: record.block, truncated: record.truncated, place: placeOf(record)};
}

/**
 * Where an archive can be cut into about `count` parts read apart (see WarcPart): at members that
 * each start a record, found near equal shares of the file. Undefined for an archive that is not
 * one gzip member a record (an uncompressed one, one stream), or too small to be worth it.
 */
export function warcParts(path: PathLike, label: string, count: number, least: number): WarcPart[] | undefined {
	const descriptor = openRegularFile(path, label);
	try {
		const {size} = fstatSync(descriptor);
		if (count < 2 || size < least) return undefined;
		const head = Buffer.alloc(3);
		readSync(descriptor, head, 0, 3, 0);
		if (!head.equals(MAGIC)) return undefined;
		const starts = [0];
		for (let share = 1; share < count; share++) {
			const at = recordMemberAfter(descriptor, Math.floor((size * share) / count), size);
			if (at === undefined) break;
			if (at > starts.at(-1)!) starts.push(at);
		}
		if (starts.length < 2) return undefined;
		return starts.map((from, i) => ({from, to: starts[i + 1] ?? Number.POSITIVE_INFINITY}));
	} finally {
		closeSync(descriptor);
	}
}

// A member starting a record is looked for a window at a time from a share's mark, as far as this.
const PART_WINDOW = CHUNK;
const PART_SEARCH = 64 * CHUNK;

/** The first gzip member at or after `from` that inflates whole to a WARC record's start. */
function recordMemberAfter(descriptor: number, from: number, size: number): number | undefined {
	const window = Buffer.allocUnsafe(PART_WINDOW);
	for (let start = from; start < Math.min(size, from + PART_SEARCH); start += PART_WINDOW - 1024) {
		const bytes = window.subarray(0, readSync(descriptor, window, 0, window.length, start));
		// A candidate near the window's end may be cut: it is tried again from the next window.
		for (let at = bytes.indexOf(MAGIC); at !== -1 && at < PART_WINDOW - 1024; at = bytes.indexOf(MAGIC, at + 1)) {
			const member = inflateMember(bytes, at, start + bytes.length >= size);
			if (typeof member !== 'string' && 'output' in member && member.output.subarray(0, 5).equals(WARC_LINE)) return start + at;
		}
	}
	return undefined;
}

/** The rest of an archive compressed as one stream, from `fileOffset`, decompressed as it is read. */
async function* readStream(path: PathLike, fileOffset: number, parser: RecordParser, place: (record: {offset: number; length: number}) => WarcPlace, warn: (message: string) => void, label: string): AsyncGenerator<WarcRecord> {
	const file = createReadStream(path, {start: fileOffset, highWaterMark: CHUNK});
	const gunzip = createGunzip({chunkSize: CHUNK});
	file.on('error', (error) => gunzip.destroy(error));
	file.pipe(gunzip);
	try {
		for await (const chunk of gunzip as AsyncIterable<Buffer>) {
			parser.push(chunk);
			for (let record = parser.take(false); record; record = parser.take(false)) yield {...record, place: place(record)};
		}
	} catch (error) {
		warn(`${label}: ${(error as Error).message} after offset ${fileOffset}; the records before it are kept`);
	} finally {
		file.destroy();
		gunzip.destroy();
	}
	for (let record = parser.take(true); record; record = parser.take(true)) yield {...record, place: place(record)};
}

/** One record read again from its place: its headers and block. */
export function readWarcRecordAt(path: PathLike, place: WarcPlace, label: string, readStreamRange: (offset: number, length: number) => Buffer): {headers: WarcHeaders; block: Buffer} {
	let bytes: Buffer;
	if (place.stream) bytes = readStreamRange(place.offset, place.length);
	else {
		const descriptor = openRegularFile(path, label);
		try {
			bytes = Buffer.alloc(place.length);
			readSync(descriptor, bytes, 0, place.length, place.offset);
		} finally {
			closeSync(descriptor);
		}
		if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
			const member = inflateMember(bytes, 0, true);
			if (typeof member === 'string' || 'error' in member) throw new Error(`the record at offset ${place.offset} cannot be read again`);
			bytes = member.output;
		}
	}
	const parser = new RecordParser({warn: () => {}, label, at: plainOffset});
	parser.push(bytes);
	const record = parser.take(true);
	if (!record) throw new Error(`no record at offset ${place.offset}`);
	return record;
}

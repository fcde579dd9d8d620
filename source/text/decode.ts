// Bytes from a crawl come in whatever encoding the site used. UTF-8 is tried first (strictly, so a
// stray Latin-1 byte is noticed), UTF-16 is recognised by its byte-order mark, and anything that is
// not valid UTF-8 is read as Windows-1252, which keeps a lone `£` byte a `£` instead of U+FFFD.

import {isUtf8} from 'node:buffer';
import {createRequire} from 'node:module';

type Iconv = {decode(bytes: Buffer, encoding: string): string};
let iconv: Iconv | undefined;

// Node 20.18.3 and later decode 'windows-1252' as Latin-1 (nodejs/node#60888), so `\x93` comes
// out as the C1 control U+0093 instead of `“`. iconv-lite decodes it right; it is loaded only
// when a page is not UTF-8, so it costs the usual start nothing.
function decodeWindows1252(bytes: Uint8Array): string {
	iconv ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
	return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): Encoding {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return isUtf8(bytes) || isUtf8(trimPartialCharacter(bytes)) || mostlyUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/** The length of the UTF-8 sequence starting at `at`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, at: number): number {
	const lead = bytes[at]!;
	const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
	if (length === 0 || at + length > bytes.length) return 0;
	for (let i = 1; i < length; i++) if ((bytes[at + i]! & 0xc0) !== 0x80) return 0;
	return length;
}

/**
 * Whether bytes that are not strictly UTF-8 are still UTF-8 with a few damaged places — a
 * character cut off at the end of a download, a stray byte — rather than a single-byte encoding.
 * The evidence is the whole file's: well-formed multi-byte sequences outnumber the bytes that
 * fit none (at least two to one). A Windows-1252 text has next to no such sequences: its accented
 * letters are single bytes, each a broken sequence.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
	let whole = 0;
	let broken = 0;
	for (let at = 0; at < bytes.length; at++) {
		if (bytes[at]! < 0x80) continue;
		const length = sequenceLength(bytes, at);
		if (length === 0) broken++;
		else {
			whole++;
			at += length - 1;
		}
	}
	return whole > 0 && broken * 2 <= whole;
}

export function decodeBytes(bytes: Uint8Array, encoding = detectEncoding(bytes)): string {
	if (encoding === 'windows-1252') return decodeWindows1252(bytes);
	if (encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes);
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The bytes without a character cut off at the end, as happens when only a file's head is read. */
export function trimPartialCharacter(bytes: Uint8Array): Uint8Array {
	if (bytes[0] === 0xff || bytes[0] === 0xfe) return bytes.subarray(0, bytes.length - (bytes.length % 2));
	for (let back = 1; back <= 4 && back <= bytes.length; back++) {
		const byte = bytes[bytes.length - back]!;
		if ((byte & 0xc0) === 0x80) continue;
		const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return length > back ? bytes.subarray(0, bytes.length - back) : bytes;
	}
	return bytes;
}

/**
 * The first `count` lines of a page, decoded. Decoding is the costly part of reading a page, and a
 * listing needs only the top; in the byte-oriented encodings a newline byte is always a newline.
 */
export function decodeLines(bytes: Uint8Array, count: number, encoding = detectEncoding(bytes)): {text: string; whole: boolean} {
	if (encoding === 'utf-8' || encoding === 'windows-1252') {
		let end = -1;
		for (let i = 0; i < count; i++) {
			end = bytes.indexOf(0x0a, end + 1);
			if (end === -1) break;
		}
		if (end !== -1 && end + 1 < bytes.length) return {text: decodeBytes(bytes.subarray(0, end + 1), encoding), whole: false};
	}
	return {text: decodeBytes(bytes, encoding), whole: true};
}

const SAMPLE_BYTES = 8192;

function isTextControl(byte: number): boolean {
	// Tab, newline, carriage return, form feed and ESC appear in real text files.
	return byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c || byte === 0x1b;
}

/**
 * A file is binary when its first 8 KB hold more than 1% NUL bytes (and more than one: a stray NUL
 * in a short page is removed, not a reason to skip it) or more than 10% other control bytes.
 */
export function looksBinary(bytes: Uint8Array): boolean {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return false;
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
	const length = Math.min(bytes.length, SAMPLE_BYTES);
	if (length === 0) return false;
	let nul = 0;
	let control = 0;
	for (let i = 0; i < length; i++) {
		const byte = bytes[i]!;
		if (byte === 0) nul++;
		else if ((byte < 0x20 && !isTextControl(byte)) || byte === 0x7f) control++;
	}
	return (nul > 1 && nul / length > 0.01) || control / length > 0.1;
}

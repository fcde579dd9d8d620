// Reading one page file: its bytes, its text, or — for a listing — only its headline, from the
// first 16 KB and the first lines decoded.
import {closeSync, openSync, readFileSync, readSync} from 'node:fs';
import {decodeBytes, decodeLines, detectEncoding, looksBinary, trimPartialCharacter} from '../text/decode';
import {readHeadline} from '../article/headline';
import type {Headline} from '../article/types';

export class DatasetError extends Error {}

/** Reads one page file; throws a DatasetError for an unreadable or binary file. */
function readPageBytes(path: string): Uint8Array {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new DatasetError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
	}
	if (looksBinary(bytes)) throw new DatasetError(`${path} is a binary file, not a page`);
	return bytes;
}

export function readPageText(path: string): string {
	return decodeBytes(readPageBytes(path));
}

const HEAD_BYTES = 16_384;
// One buffer serves every head read: its bytes are decoded into strings before the next read.
const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

function readHead(path: string): {bytes: Uint8Array; whole: boolean} {
	let descriptor: number;
	try {
		descriptor = openSync(path, 'r');
	} catch {
		return {bytes: readPageBytes(path), whole: true};
	}
	try {
		const length = readSync(descriptor, headBuffer, 0, HEAD_BYTES, 0);
		return {bytes: headBuffer.subarray(0, length), whole: length < HEAD_BYTES};
	} finally {
		closeSync(descriptor);
	}
}

function headlineOfBytes(bytes: Uint8Array, whole: boolean): Headline | undefined {
	const usable = whole ? bytes : trimPartialCharacter(bytes);
	const encoding = detectEncoding(usable);
	return readHeadline((count) => {
		const lines = decodeLines(usable, count, encoding);
		return {text: lines.text, whole: lines.whole && whole, more: !lines.whole};
	});
}

/**
 * A listing reads the first 16 KB of each page, which nearly always holds its headline; only a
 * page whose headline lies further down is read whole. The encoding is judged on what is read.
 */
export function headlineOfFile(path: string): Headline {
	const head = readHead(path);
	if (looksBinary(head.bytes)) throw new DatasetError(`${path} is a binary file, not a page`);
	return headlineOfBytes(head.bytes, head.whole) ?? headlineOfBytes(readPageBytes(path), true)!;
}

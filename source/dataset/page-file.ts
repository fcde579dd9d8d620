// Reading one page file: its bytes, its text, or — for a listing — only its headline, from the
// first 16 KB and the first lines decoded. Every read is bounded (see bounded-read.ts).
import type {PathLike} from 'node:fs';
import {decodeBytes, decodeLines, detectEncoding, looksBinary, trimPartialCharacter} from '../text/decode';
import {readHeadline} from '../article/headline';
import type {Headline} from '../article/types';
import {readFileBounded, readFileHead} from './bounded-read';
import {DatasetError} from './errors';

export {DatasetError} from './errors';

/** The bytes of a page, checked: an unreadable, oversized or binary file is a DatasetError. */
export function pageBytes(bytes: Uint8Array, label: string): Uint8Array {
	if (looksBinary(bytes)) throw new DatasetError(`${label}: a binary file, not a page`);
	return bytes;
}

/** The text of one page file; `label` names it in messages (the path as the user knows it). */
export function readPageText(path: PathLike, label = String(path)): string {
	return decodeBytes(pageBytes(readFileBounded(path, label), label));
}

const HEAD_BYTES = 16_384;
// When the head does not tell the headline, a listing parses the page, but no more than this of
// it: a 60 MB page would otherwise cost seconds to list. Pages are nearly always smaller.
export const LISTING_BYTES = 1024 * 1024;
let listingBuffer: Buffer | undefined;
// One buffer serves every head read: its bytes are decoded into strings before the next read.
const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

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
export function headlineOfFile(path: PathLike, label = String(path)): Headline {
	const fromHead = headlineOfHead(path, label);
	if (fromHead) return fromHead;
	listingBuffer ??= Buffer.allocUnsafe(LISTING_BYTES);
	const bytes = pageBytes(readFileHead(path, label, listingBuffer), label);
	if (bytes.length < LISTING_BYTES) return headlineOfBytes(bytes, true)!;
	// A page longer than that is listed from its first megabyte, cut at a line's end.
	const cut = bytes.lastIndexOf(0x0a);
	return headlineOfBytes(cut > 0 ? bytes.subarray(0, cut + 1) : trimPartialCharacter(bytes), true)!;
}

/** The headline when the first 16 KB of the page tell it, else undefined; nothing more is read. */
export function headlineOfHead(path: PathLike, label = String(path)): Headline | undefined {
	const head = pageBytes(readFileHead(path, label, headBuffer), label);
	return headlineOfBytes(head, head.length < HEAD_BYTES);
}

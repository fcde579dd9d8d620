// HTML page files (`.html`, `.htm`, `.html.gz` as wget and browsers save them): their bytes read
// within the page limit and decompressed when gzipped; they are decoded as a browser would (html/charset.ts).
import type {PathLike} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import {PAGE_LIMIT_BYTES, readFileBounded} from './bounded-read';
import {DatasetError} from './errors';
import {looksBinary} from '../text/decode';

export const HTML_FILE = /\.x?html?(?:\.gz)?$/i;

const GZIPPED = /\.gz$/i;

/** Whether bytes look like an HTML document (for a page that comes without a name: standard input). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
	const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
	return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|!--)/i.test(head) && /<(?:html|head|body|title|meta)[\s>]/i.test(head);
}

/** An HTML page file's bytes, decompressed when gzipped. */
export function readHtmlFile(path: PathLike, label = String(path)): Uint8Array {
	let bytes: Uint8Array = readFileBounded(path, label);
	if (GZIPPED.test(label)) {
		try {
			bytes = gunzipSync(bytes, {maxOutputLength: PAGE_LIMIT_BYTES});
		} catch (error) {
			throw new DatasetError(`${label}: ${(error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'over the page limit once decompressed' : 'not a readable gzip file'}`);
		}
	}
	// A file named .html that is an image or an archive is not a page, as for text pages.
	if (looksBinary(bytes)) throw new DatasetError(`${label}: a binary file, not a page`);
	return bytes;
}

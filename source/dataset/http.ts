// The HTTP response a WARC response record holds: status, headers, and the body as the server
// meant it — chunked transfer undone, and gzip, deflate or Brotli content encoding decoded. A body
// that cannot be decoded is reported, not guessed at.
import {brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync} from 'node:zlib';
import {PAGE_LIMIT_BYTES} from './bounded-read';
import {parseHeaders, type WarcHeaders} from './warc';

export type HttpResponse = {status: number; headers: WarcHeaders; body: Buffer};

/** The body of a chunked message, its chunks joined; a chunk cut short keeps what arrived. */
export function dechunk(bytes: Buffer): Buffer {
	const parts: Buffer[] = [];
	let at = 0;
	while (at < bytes.length) {
		const lineEnd = bytes.indexOf('\n', at);
		if (lineEnd === -1) break;
		const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16);
		if (!Number.isFinite(size) || size < 0) break;
		if (size === 0) break;
		parts.push(bytes.subarray(lineEnd + 1, Math.min(bytes.length, lineEnd + 1 + size)));
		at = lineEnd + 1 + size;
		while (bytes[at] === 0x0d || bytes[at] === 0x0a) at++;
	}
	return Buffer.concat(parts);
}

const LIMIT = {maxOutputLength: PAGE_LIMIT_BYTES};

/** The body with its content encodings undone, last applied first. */
export function decodeContent(body: Buffer, encoding: string | undefined): Buffer {
	let bytes = body;
	const codings = (encoding ?? '').toLowerCase().split(',').map((coding) => coding.trim()).filter((coding) => coding && coding !== 'identity');
	for (const coding of codings.reverse()) {
		if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes, LIMIT);
		else if (coding === 'br') bytes = brotliDecompressSync(bytes, LIMIT);
		else if (coding === 'deflate') {
			// "deflate" is zlib-wrapped by the standard, raw by some servers.
			try {
				bytes = inflateSync(bytes, LIMIT);
			} catch {
				bytes = inflateRawSync(bytes, LIMIT);
			}
		} else throw new Error(`an unknown content encoding (${coding})`);
	}
	return bytes;
}

/** The response in a record's block; undefined when the block is not an HTTP response. */
export function parseHttpResponse(block: Buffer): HttpResponse | undefined {
	let end = block.indexOf('\r\n\r\n');
	let endLength = 4;
	if (end === -1) {
		end = block.indexOf('\n\n');
		endLength = 2;
	}
	if (end === -1) end = block.length;
	const head = block.subarray(0, end).toString('latin1');
	const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head);
	if (!status) return undefined;
	const headers = parseHeaders(head);
	let body = block.subarray(Math.min(block.length, end + endLength));
	// A body that is not in chunks though its header says so (crawlers store bodies already joined) is kept as it is.
	if (/chunked/i.test(headers.get('transfer-encoding') ?? '') && /^[0-9a-f]+[ \t]*(?:;[^\r\n]*)?\r?\n/i.test(body.subarray(0, 64).toString('latin1'))) body = dechunk(body);
	return {status: Number(status[1]), headers, body};
}

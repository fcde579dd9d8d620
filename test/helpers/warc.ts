// WARC records written for tests, the way crawlers write them: WARC headers, a blank line, the
// block (an HTTP message for requests and responses), two line ends; one gzip member per record.
import {gzipSync} from 'node:zlib';

export type TestRecord = {
	type: string;
	uri?: string;
	date?: string;
	id?: string;
	/** The HTTP message's head lines (status line first) and body, for requests and responses. */
	http?: {head: string[]; body: Buffer | string};
	block?: Buffer | string;
	/** A Content-Length other than the block's, to make a faulty record. */
	contentLength?: number;
};

let serial = 0;

export function warcRecord(record: TestRecord): Buffer {
	const block = record.http
		? Buffer.concat([Buffer.from(record.http.head.join('\r\n') + '\r\n\r\n'), Buffer.from(record.http.body)])
		: Buffer.from(record.block ?? '');
	const headers = [
		'WARC/1.1',
		`WARC-Type: ${record.type}`,
		...(record.uri ? [`WARC-Target-URI: ${record.uri}`] : []),
		`WARC-Date: ${record.date ?? '2019-11-21T03:00:00Z'}`,
		`WARC-Record-ID: <urn:uuid:${record.id ?? `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`}>`,
		`Content-Type: ${record.http ? `application/http; msgtype=${record.type === 'request' ? 'request' : 'response'}` : 'application/warc-fields'}`,
		`Content-Length: ${record.contentLength ?? block.length}`,
	];
	return Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n'), block, Buffer.from('\r\n\r\n')]);
}

/** A response of 200 OK with an HTML page. */
export function htmlResponse(uri: string, html: string, extraHead: string[] = [], date?: string): TestRecord {
	return {type: 'response', uri, date, http: {head: ['HTTP/1.1 200 OK', 'Content-Type: text/html; charset=utf-8', ...extraHead], body: html}};
}

/** Records as a .warc.gz: one gzip member each. */
export const gzipMembers = (records: Buffer[]) => Buffer.concat(records.map((record) => gzipSync(record)));

/** An article page of some length, with its metadata, for records and files of tests. */
export function articlePage(title: string, date: string, paragraphs = 6, extraHead = ''): string {
	const body = Array.from({length: paragraphs}, (_, i) => `<p>Paragraph ${i + 1} of “${title}”: the council met on Tuesday to discuss the budget for the coming year, and the debate ran late into the night as members argued over the cost of repairs to the river bridge.</p>`).join('\n');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Test Times</title><meta property="og:site_name" content="Test Times">
<meta property="article:published_time" content="${date}">${extraHead}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${body}</article><footer>© Test Times</footer></body></html>`;
}

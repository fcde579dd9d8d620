// Figures for crawl formats (issue 12): HTML pages parsed and extracted per second on one core, a
// 1 GB WARC listed (its throughput and peak memory), and a Parquet dataset read. The WARC is the
// shared one repeated with new addresses; the Parquet file is written here from generated text.
import {createReadStream, createWriteStream, existsSync, readFileSync, readdirSync, statSync, type WriteStream} from 'node:fs';
import {join} from 'node:path';
import {createGunzip, gunzipSync, gzipSync} from 'node:zlib';
import {parseHtmlPage} from '../source/html/article';
import {readWarc} from '../source/dataset/warc';
import {median} from './measure';

const shared = join(import.meta.dirname ?? '.', '..', '..', 'shared', 'crawls');
export const sharedPages = join(shared, 'en_aeb_html');
export const sharedWarc = join(shared, 'aeb-news.warc.gz');

/** Pages a second that one core parses into articles: the shared pages, each parsed whole, three rounds. */
export function htmlPagesPerSecond(folder = sharedPages): {pagesPerSecond: number; megabytesPerSecond: number; pages: number} {
	const pages = readdirSync(folder).map((name) => gunzipSync(readFileSync(join(folder, name))));
	const bytes = pages.reduce((sum, page) => sum + page.length, 0);
	const rounds: number[] = [];
	for (let round = 0; round < 4; round++) {
		const started = performance.now();
		for (const [i, html] of pages.entries()) parseHtmlPage(html, {id: String(i), source: 'bench'});
		rounds.push(performance.now() - started);
	}
	const seconds = median(rounds.slice(1)) / 1000;
	return {pagesPerSecond: pages.length / seconds, megabytesPerSecond: bytes / 1e6 / seconds, pages: pages.length};
}

/**
 * MB a second of a .warc.gz that one thread only decompresses, reading it as a stream: the
 * machine's own pace in this run, to set a listing's rate beside (the machines this runs on are
 * shared, and their speed varies by a third from hour to hour).
 */
export async function gunzipRate(path: string): Promise<number> {
	const started = performance.now();
	for await (const _ of createReadStream(path, {highWaterMark: 1 << 20}).pipe(createGunzip({chunkSize: 1 << 20}))) {
		// Only the decompressing is timed.
	}
	return statSync(path).size / 1e6 / ((performance.now() - started) / 1000);
}

async function write(stream: WriteStream, bytes: Buffer): Promise<void> {
	if (!stream.write(bytes)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/**
 * A WARC of about `megabytes` MB: the shared archive's records over and over, each copy's
 * addresses and record ids made new. Compressed, one gzip member per record (level 1: the bench
 * times reading, not writing).
 */
export async function writeBigWarc(path: string, megabytes: number, compressed: boolean): Promise<{size: number; records: number}> {
	const records: Array<{head: string; rest: Buffer}> = [];
	for await (const {block, headers} of readWarc(sharedWarc, sharedWarc, () => {})) {
		const head = [...headers].filter(([name]) => name !== 'content-length').map(([name, value]) => `${name}: ${value}`).join('\r\n');
		records.push({head, rest: block});
	}
	const stream = createWriteStream(path);
	let written = 0;
	let recordBytes = 0;
	for (let copy = 0; written < megabytes * 1e6; copy++) {
		for (const {head, rest} of records) {
			const renamed = head
				.replace(/^(warc-target-uri|warc-refers-to-target-uri): (\S+)/gim, (_, name: string, uri: string) => `${name}: ${uri}${uri.includes('?') ? '&' : '?'}copy=${copy}`)
				.replace(/^(warc-record-id|warc-concurrent-to|warc-refers-to): <urn:uuid:([0-9a-f-]+)>/gim, (_, name: string, id: string) => `${name}: <urn:uuid:${id.slice(0, 24)}${copy.toString(16).padStart(12, '0')}>`);
			const record = Buffer.concat([Buffer.from(`WARC/1.1\r\n${renamed}\r\nContent-Length: ${rest.length}\r\n\r\n`), rest, Buffer.from('\r\n\r\n')]);
			const bytes = compressed ? gzipSync(record, {level: 1}) : record;
			await write(stream, bytes);
			written += bytes.length;
			recordBytes += record.length;
		}
	}
	await new Promise<void>((resolve) => stream.end(() => resolve()));
	return {size: statSync(path).size, records: recordBytes};
}

export const haveSharedCrawls = () => existsSync(sharedPages) && existsSync(sharedWarc);

/** A Parquet dataset of `rows` articles in row groups of `groupRows`, written with hyparquet-writer. */
export async function writeParquet(path: string, rows: number, groupRows: number, seedText: string): Promise<number> {
	const {parquetWriteFile} = await import('hyparquet-writer');
	const paragraphs = seedText.split('\n').filter((line) => line.length > 40);
	// Each row's paragraphs with their words in an order of its own: text that compresses as
	// articles do (about 2:1 with snappy), not as one page repeated does (8:1).
	let state = 42;
	const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
	const shuffled = (line: string) => line.split(' ').map((word) => ({word, key: random()})).sort((a, b) => a.key - b.key).map(({word}) => word).join(' ');
	const text = Array.from({length: rows}, (_, i) => `Tin số ${i}\n${paragraphs.slice(i % 7).map(shuffled).join('\n')}`);
	parquetWriteFile({
		filename: path,
		columnData: [
			{name: 'id', data: Array.from({length: rows}, (_, i) => `row-${i}`), type: 'STRING'},
			{name: 'title', data: Array.from({length: rows}, (_, i) => `Tin số ${i}: ${paragraphs[i % paragraphs.length]!.slice(0, 60)}`), type: 'STRING'},
			{name: 'url', data: Array.from({length: rows}, (_, i) => `https://example.org/tin/${i}.html`), type: 'STRING'},
			{name: 'date', data: Array.from({length: rows}, (_, i) => `2021-04-${String(1 + (i % 28)).padStart(2, '0')}`), type: 'STRING'},
			{name: 'text', data: text, type: 'STRING'},
		],
		rowGroupSize: groupRows,
	});
	return statSync(path).size;
}

/**
 * MB a second of the file that reading a Parquet file's records gives on `threads` threads, in the
 * parts a listing cuts it into (no parsing); the best of three rounds.
 */
export async function parquetPartsReadRate(path: string, threads: number): Promise<{megabytesPerSecond: number; records: number; parts: number}> {
	const {loadCrawlReaders} = await import('../source/dataset/crawl-readers');
	const {recordParts} = await import('../source/dataset/records');
	const {Worker} = await import('node:worker_threads');
	await loadCrawlReaders();
	const parts = recordParts(path, path, threads, 0) ?? [{from: 0, to: Number.POSITIVE_INFINITY}];
	const script = join(import.meta.dirname ?? '.', 'read-part.mjs');
	let best = Number.POSITIVE_INFINITY;
	let records = 0;
	for (let round = 0; round < 3; round++) {
		const started = performance.now();
		const counts = await Promise.all(parts.map((part) => new Promise<number>((resolve, reject) => new Worker(script, {workerData: {path, part}}).once('message', resolve).once('error', reject))));
		best = Math.min(best, performance.now() - started);
		records = counts.reduce((sum, count) => sum + count, 0);
	}
	return {megabytesPerSecond: statSync(path).size / 1e6 / (best / 1000), records, parts: parts.length};
}

/** Records a second, and MB a second of the file, that reading a Parquet file's records gives (no parsing). */
export async function parquetReadRate(path: string): Promise<{megabytesPerSecond: number; records: number}> {
	const {loadCrawlReaders} = await import('../source/dataset/crawl-readers');
	const {readRecords} = await import('../source/dataset/records');
	await loadCrawlReaders();
	const rounds: number[] = [];
	let records = 0;
	for (let round = 0; round < 3; round++) {
		records = 0;
		const started = performance.now();
		for await (const _ of readRecords(path, path, () => {})) records++;
		rounds.push(performance.now() - started);
	}
	return {megabytesPerSecond: statSync(path).size / 1e6 / (median(rounds) / 1000), records};
}

// Listing a large file of records on several threads (dataset/parallel-list.ts) must give what one
// reading from the start gives: the same entries, ids, places, older captures, faults and counts,
// also when the parts do not join up and the file is read again in this thread.
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadCrawlReaders} from '../source/dataset/crawl-readers';
import {loadDataset, type Dataset, type LoadOptions} from '../source/dataset/load';
import {recordParts} from '../source/dataset/records';
import {articlePage, htmlResponse, warcRecord, type TestRecord} from './helpers/warc';
import {projectRoot} from './helpers/pages';

const script = join(projectRoot, 'dist', 'list-worker.js');
let work: string;

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'docbao-parallel-'));
	await loadCrawlReaders();
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

type Listed = {dataset: Dataset; warnings: string[]; skipped: Map<string, number>};

async function listed(path: string, options: Partial<LoadOptions> = {}): Promise<Listed> {
	const warnings: string[] = [];
	const skipped = new Map<string, number>();
	const dataset = await loadDataset(path, {warn: (message) => warnings.push(message), skipped, ...options});
	return {dataset, warnings, skipped};
}

const shape = ({dataset, warnings, skipped}: Listed) => ({
	entries: dataset.entries.map(({id, title, published, url, place, stated}) => ({id, title, published, url, place, stated})),
	superseded: dataset.superseded.map(({id, title, place}) => ({id, title, place})),
	warnings,
	skipped: [...skipped].sort(),
});

/** Records of a crawl: articles, requests, a section page, and captures of one address at two dates. */
function crawlRecords(count: number): Buffer[] {
	const records: Buffer[] = [];
	for (let i = 0; i < count; i++) {
		const day = String(1 + (i % 28)).padStart(2, '0');
		const uri = `https://news.example.org/2020/05/${day}/story-${i}.html`;
		records.push(warcRecord({type: 'request', uri, http: {head: ['GET / HTTP/1.1'], body: ''}}));
		records.push(warcRecord(htmlResponse(uri, articlePage(`Story number ${i} of the council`, `2020-05-${day}T08:00:00Z`))));
		if (i % 50 === 0) records.push(warcRecord(htmlResponse(`https://news.example.org/section-${i}`, '<html><head><title>Section</title></head><body><a href="/a">A</a></body></html>')));
	}
	// The first story again, captured later with a new title: the newest capture is listed.
	records.push(warcRecord(htmlResponse('https://news.example.org/2020/05/01/story-0.html', articlePage('Story number 0, updated', '2020-05-01T08:00:00Z'), [], '2020-06-01T00:00:00Z')));
	return records;
}

const members = (records: Buffer[]) => records.map((record) => gzipSync(record));

describe('listing a file of records on several threads', () => {
	it.skipIf(!existsSync(script))('gives what one reading gives, for a WARC archive of one gzip member a record', async () => {
		const path = join(work, 'crawl.warc.gz');
		writeFileSync(path, Buffer.concat(members(crawlRecords(400))));
		const parts = recordParts(path, path, 2, 0);
		expect(parts?.length).toBe(2);
		const one = await listed(path);
		const several = await listed(path, {listWorkers: {script, fromBytes: 0}});
		expect(one.dataset.entries.length).toBe(400);
		expect(one.dataset.superseded.map(({title}) => title)).toEqual(['Story number 0 of the council']);
		expect(shape(several)).toEqual(shape(one));
	});

	it.skipIf(!existsSync(script))('gives it with faults in both parts, and a record over two members that only one reading can read', async () => {
		const gz = members(crawlRecords(300));
		const quarter = Math.floor(gz.length / 4);
		// A damaged member in the first part, and one cut short near the end.
		gz[quarter] = Buffer.from(gz[quarter]!).fill(0x41, 12, 40);
		gz[gz.length - 5] = gz[gz.length - 5]!.subarray(0, 30);
		const damaged = join(work, 'damaged.warc.gz');
		writeFileSync(damaged, Buffer.concat(gz));
		const one = await listed(damaged);
		expect(one.warnings.length).toBeGreaterThan(0);
		expect(shape(await listed(damaged, {listWorkers: {script, fromBytes: 0}}))).toEqual(shape(one));

		// A record split over two members in the second half: that part cannot be read alone. Just
		// before it, a record shorter than its Content-Length: its fault is told once, in its place.
		const records = crawlRecords(300);
		const at = Math.floor((records.length * 3) / 4);
		const split = records[at]!;
		const short = warcRecord({...htmlResponse('https://news.example.org/short', articlePage('A short record', '2020-05-02T08:00:00Z')), contentLength: 100_000});
		const halves = [...members(records.slice(0, at)), gzipSync(short), gzipSync(split.subarray(0, 200)), gzipSync(split.subarray(200)), ...members(records.slice(at + 1))];
		const spanning = join(work, 'spanning.warc.gz');
		writeFileSync(spanning, Buffer.concat(halves));
		const whole = await listed(spanning);
		expect(whole.dataset.entries.length).toBe(300);
		expect(whole.warnings).toHaveLength(1);
		expect(shape(await listed(spanning, {listWorkers: {script, fromBytes: 0}}))).toEqual(shape(whole));
	});

	it.skipIf(!existsSync(script))('gives it when a part starts at a member that is not one: the rest is read in this thread', async () => {
		// A record that holds a .warc.gz, stored uncompressed: its members look like the archive's
		// own to a reader that starts in its middle, where the file's middle is.
		const held = Buffer.concat(members(crawlRecords(150)));
		const holding = warcRecord({type: 'response', uri: 'https://files.example/crawl.warc.gz', http: {head: ['HTTP/1.1 200 OK', 'Content-Type: application/gzip'], body: held}});
		const path = join(work, 'holding.warc.gz');
		writeFileSync(path, Buffer.concat([...members(crawlRecords(60)), gzipSync(holding, {level: 0}), ...members(crawlRecords(60))]));
		const [, second] = recordParts(path, path, 2, 0)!;
		expect(second!.from).toBeGreaterThan(held.length / 4);
		const one = await listed(path);
		expect(one.skipped.get('not HTML')).toBe(1);
		expect(shape(await listed(path, {listWorkers: {script, fromBytes: 0}}))).toEqual(shape(one));
	});

	it('reads the file in this thread when the threads cannot start', async () => {
		const path = join(work, 'no-threads.warc.gz');
		writeFileSync(path, Buffer.concat(members(crawlRecords(120))));
		const one = await listed(path);
		expect(shape(await listed(path, {listWorkers: {script: join(work, 'no-such-script.js'), fromBytes: 0}}))).toEqual(shape(one));
	});

	it('leaves a small file, an uncompressed archive and a one-stream archive to one reading', () => {
		const records: TestRecord[] = [htmlResponse('https://a.example/1', articlePage('One', '2020-01-01'))];
		const plain = join(work, 'plain.warc');
		writeFileSync(plain, Buffer.concat(records.map(warcRecord)));
		const stream = join(work, 'stream.warc.gz');
		writeFileSync(stream, gzipSync(Buffer.concat(crawlRecords(50))));
		const small = join(work, 'small.warc.gz');
		writeFileSync(small, Buffer.concat(members(crawlRecords(50))));
		expect(recordParts(plain, plain, 2, 0)).toBeUndefined();
		expect(recordParts(stream, stream, 2, 0)).toBeUndefined();
		expect(recordParts(small, small, 2, 1e9)).toBeUndefined();
		expect(recordParts(small, small, 2, 0)?.length).toBe(2);
	});

	it.skipIf(!existsSync(script))('gives what one reading gives, for a Parquet file of several row groups', async () => {
		const {parquetWriteBuffer} = await import('hyparquet-writer');
		const rows = 1200;
		const text = Array.from({length: rows}, (_, i) => `Tin số ${i}\n\nĐà Nẵng, ngày ${1 + (i % 28)}/4/2021\n\n${'Người dân ven sông đã được sơ tán trước khi mưa lớn kéo dài. '.repeat(8)}`);
		const buffer = parquetWriteBuffer({
			columnData: [
				{name: 'id', data: Array.from({length: rows}, (_, i) => (i === 7 ? null : `row-${i}`)), type: 'STRING'},
				{name: 'title', data: Array.from({length: rows}, (_, i) => `Tin số ${i}`), type: 'STRING'},
				{name: 'date', data: Array.from({length: rows}, (_, i) => `2021-04-${String(1 + (i % 28)).padStart(2, '0')}`), type: 'STRING'},
				{name: 'text', data: text.map((value, i) => (i === 900 ? '' : value)), type: 'STRING'},
			],
			rowGroupSize: 100,
		});
		const path = join(work, 'news.parquet');
		writeFileSync(path, Buffer.from(buffer));
		expect(recordParts(path, path, 2, 0)).toEqual([{from: 0, to: 6}, {from: 6, to: 12}]);
		const one = await listed(path);
		expect(one.dataset.entries.length).toBeGreaterThan(1000);
		expect(shape(await listed(path, {listWorkers: {script, fromBytes: 0}}))).toEqual(shape(one));
	});
});

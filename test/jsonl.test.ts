import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {findEntry, loadDataset, openArticle} from '../source/dataset/load';
import {parseRecord} from '../source/dataset/jsonl';
import {runCli} from './helpers/cli';
import {seedPath} from './helpers/pages';

let folder: string;
const records = [
	{id: 'a1', title: 'Giá lúa tăng mạnh ở miền Tây', text: 'Giá lúa tại các tỉnh miền Tây tăng thêm 300 đồng mỗi kg trong tuần qua.\n\nNông dân phấn khởi.', url: 'https://example.org/a1', date: '2020-10-05'},
	{content: readFileSync(seedPath, 'utf8'), timestamp: 1532873820},
	'this line is not JSON',
	{title: 'no text field here'},
	{articleBody: 'Một bài không có tiêu đề riêng\n\nĐoạn đầu tiên của bài viết khá dài để làm phần mở đầu.', id: 42},
];
const jsonl = records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n');

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'docbao-jsonl-'));
	writeFileSync(join(folder, 'crawl.jsonl'), jsonl + '\n');
	writeFileSync(join(folder, 'packed.jsonl.gz'), gzipSync(JSON.stringify({text: 'Tin nén gzip\n\nNội dung của tin nén.', id: 'gz1'}) + '\n'));
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));

describe('JSON Lines datasets', () => {
	it('reads every record of plain and gzip files, and warns about the lines that are not records', async () => {
		const warnings: string[] = [];
		const dataset = await loadDataset(folder, {warn: (message) => warnings.push(message)});
		expect(dataset.entries.map((entry) => entry.id).sort()).toEqual(['42', 'a1', 'crawl:2', 'gz1']);
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/crawl\.jsonl:3: not valid JSON, skipped/);
		expect(warnings[1]).toMatch(/crawl\.jsonl:4: no text field/);
	});

	it('takes title, date and url from the record, and the rest from the text', async () => {
		const dataset = await loadDataset(folder);
		const a1 = openArticle(findEntry(dataset, 'a1')!, dataset.titles);
		expect(a1.title).toBe('Giá lúa tăng mạnh ở miền Tây');
		expect(a1.published).toBe('2020-10-05');
		expect(a1.url).toBe('https://example.org/a1');
		expect(a1.blocks.map((block) => block.text)).toEqual(['Giá lúa tại các tỉnh miền Tây tăng thêm 300 đồng mỗi kg trong tuần qua.', 'Nông dân phấn khởi.']);
		const seed = openArticle(findEntry(dataset, 'crawl:2')!, dataset.titles);
		expect(seed.title).toBe('Quảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao');
		expect(seed.related).toHaveLength(4);
		expect(findEntry(dataset, 'crawl:2')!.published).toBe('2018-07-29T21:17:00+07:00');
		expect(openArticle(findEntry(dataset, 'gz1')!, dataset.titles).title).toBe('Tin nén gzip');
	});

	it('works the same in list and show', () => {
		const list = runCli(['list', folder]);
		expect(list.status).toBe(0);
		expect(list.stdout).toContain('a1\t2020-10-05\tGiá lúa tăng mạnh ở miền Tây');
		const show = runCli(['show', 'a1', '--data', folder, '--json']);
		expect(JSON.parse(show.stdout).url).toBe('https://example.org/a1');
		expect(runCli(['show', 'gz1', '--data', join(folder, 'packed.jsonl.gz')]).stdout.split('\n')[0]).toBe('Tin nén gzip');
		const whole = runCli(['show', join(folder, 'crawl.jsonl')]);
		expect(whole.status).toBe(1);
		expect(whole.stderr).toMatch(/holds 3 articles/);
	});

	it('reads records of a file of many megabytes as a stream', async () => {
		const big = join(folder, 'big');
		const {mkdirSync} = await import('node:fs');
		mkdirSync(big);
		const line = JSON.stringify({text: `Tiêu đề\n\n${'Một đoạn văn dài. '.repeat(200)}`});
		writeFileSync(join(big, 'big.jsonl'), Array.from({length: 3000}, () => line).join('\n'));
		const dataset = await loadDataset(big);
		expect(dataset.entries).toHaveLength(3000);
		expect(openArticle(dataset.entries[2999]!, dataset.titles).title).toBe('Tiêu đề');
	});
});

describe('parseRecord', () => {
	it.each([
		['{"text": "x", "timestamp": 1600000000000}', '2020-09-13T12:26:40+00:00'],
		['{"text": "x", "date": "20201005"}', '2020-10-05'],
		['{"text": "x", "date": "March 5, 2019"}', '2019-03-05'],
		['{"text": "x", "date": "not a date"}', undefined],
	])('reads the date of %s', (line, published) => {
		const record = parseRecord(line);
		expect(typeof record).toBe('object');
		expect((record as {published?: string}).published).toBe(published);
	});

	it.each(['[1, 2]', 'null', '{"text": 5}', '{'])('rejects %s', (line) => {
		expect(typeof parseRecord(line)).toBe('string');
	});
});

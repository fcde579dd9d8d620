// The lower layers of bounded reading: lines of any length in linear passes, gzip records read
// again from their place, encodings decided on the whole file, and the reader's search and layout
// at sizes that used to blow up.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {randomBytes} from 'node:crypto';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readJsonLineAt as readRecordAt, readJsonLines as readRecords, streamLines} from '../source/dataset/jsonl';
import {readPageText} from '../source/dataset/page-file';
import {DatasetError} from '../source/dataset/errors';
import {decodeBytes, detectEncoding} from '../source/text/decode';
import {wrapText} from '../source/text/wrap';
import {articleLines} from '../source/render/layout';
import {parseArticle} from '../source/article/parse';
import {articleView, MATCH_LIMIT, MIN_LAYOUT_COLUMNS, nextMatch, searchMatches} from '../source/ui/model';
import {statusText} from '../source/ui/status';
import {articleLayout} from '../source/ui/article-layout';
import {press, readyState, SEED_ID} from './helpers/reader';

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-bounded-'));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
	for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const all: T[] = [];
	for await (const item of items) all.push(item);
	return all;
}

describe('lines of a stream', () => {
	it('come whole, with their offsets, however the chunks fall', async () => {
		const text = Buffer.from(`first\n${'x'.repeat(10_000)}\n\nlast without newline`);
		for (const size of [1, 7, 4096, text.length]) {
			const lines = await collect(streamLines(chunked(text, size)));
			expect(lines.map(({line}) => line!.toString())).toEqual(['first', 'x'.repeat(10_000), '', 'last without newline']);
			for (const {line, offset} of lines) expect(text.subarray(offset, offset + line!.length).equals(line!)).toBe(true);
		}
	});

	it('give a line past the limit as null with its length, and go on after it', async () => {
		const text = Buffer.from(`short\n${'y'.repeat(500)}\nafter\n`);
		const lines = await collect(streamLines(chunked(text, 64), 100));
		expect(lines.map(({line, length}) => [line?.toString() ?? null, length])).toEqual([['short', 5], [null, 500], ['after', 5]]);
	});
});

describe('gzip records', () => {
	it('are not kept: each is read again from its place, in any order', async () => {
		const records = Array.from({length: 40}, (_, i) => ({id: `r${i}`, text: `Record ${i}\n\n${'Body text. '.repeat(2000 + i)}`}));
		const path = join(work, 'records.jsonl.gz');
		writeFileSync(path, gzipSync(records.map((record) => JSON.stringify(record)).join('\n') + '\n'));
		const read = await collect(readRecords(path, path, () => {}));
		expect(read.map(({record}) => record.id)).toEqual(records.map((record) => record.id));
		expect(read.every(({place}) => place.compressed)).toBe(true);
		for (const index of [39, 0, 20, 21, 5, 39]) {
			const again = readRecordAt(read[index]!.place);
			expect(typeof again === 'string' ? again : again.id).toBe(`r${index}`);
		}
	});
});

describe('gzip files of several members', () => {
	it('have every record opened, across members larger than a read', async () => {
		// Incompressible text, so that each member spans more than one 1 MB read of the file.
		const member = (n: number) =>
			gzipSync(Array.from({length: 3}, (_, i) => JSON.stringify({id: `m${n}-${i}`, text: `Record ${n}-${i}\n\n${randomBytes(500_000).toString('base64')}`})).join('\n') + '\n');
		const path = join(work, 'members.jsonl.gz');
		writeFileSync(path, Buffer.concat([0, 1, 2, 3].map(member)));
		const read = await collect(readRecords(path, path, () => {}));
		expect(read).toHaveLength(12);
		for (const index of [11, 0, 7, 3, 4, 10]) {
			const again = readRecordAt(read[index]!.place);
			expect(typeof again === 'string' ? again : again.id).toBe(read[index]!.record.id);
		}
	});
});

describe('encodings decided on the whole file', () => {
	const vietnamese = Buffer.from('Quảng Nam: người dân đã được sơ tán khỏi vùng lũ.');
	it('is UTF-8 with a character cut off at the end or a stray byte inside', () => {
		const cut = Buffer.concat([vietnamese, Buffer.from('ả').subarray(0, 1)]);
		expect(detectEncoding(cut)).toBe('utf-8');
		expect(decodeBytes(cut)).toMatch(/^Quảng Nam/);
		const stray = Buffer.concat([vietnamese, Buffer.from([0xe9]), vietnamese]);
		expect(detectEncoding(stray)).toBe('utf-8');
		const few = Buffer.from('Na\xc3\xafve title\n\nGood \xc3\xa9 and bad \xc3 here.\n', 'latin1');
		expect(decodeBytes(few)).toMatch(/^Naïve title/);
	});

	it('is still Windows-1252 for a page with no UTF-8 sequences', () => {
		expect(detectEncoding(Buffer.from('Caf\xe9 \xa35 \x93ngon\x94 r\xe9sum\xe9', 'latin1'))).toBe('windows-1252');
	});
});

describe('reads with a ceiling', () => {
	it('refuse a link to a device at once instead of reading it', () => {
		const link = join(work, 'zero.txt');
		symlinkSync('/dev/zero', link);
		expect(() => readPageText(link)).toThrow(DatasetError);
		expect(() => readPageText(link)).toThrow(/a device, not a page file/);
	});
});

describe('huge paragraphs', () => {
	it('wrap to more lines than a call takes arguments', () => {
		const word = 'abcdefghij'.repeat(20_000);
		expect(wrapText(word, 1)).toHaveLength(200_000);
		const article = parseArticle(`Một trang\n\n${word}\n`, {id: 'x', source: 'x'});
		expect(articleLines(article, 1).length).toBeGreaterThan(200_000);
	});

	it('keep single spaces when sliced, and fold runs of spaces', () => {
		expect(wrapText('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
		expect(wrapText('aa  bb   cc', 5)).toEqual(['aa bb', 'cc']);
		expect(wrapText(' lead and tail ', 8)).toEqual(['lead and', 'tail']);
	});
});

describe('the reader at extreme sizes', () => {
	it('wraps at no fewer than MIN_LAYOUT_COLUMNS however narrow the terminal', () => {
		const state = press(readyState(1, 12), 'j', {return: true});
		const view = articleView(state)!;
		expect(view.width).toBe(1);
		expect(view.layoutWidth).toBe(MIN_LAYOUT_COLUMNS);
		expect(view.layout).toBe(articleLayout(state.articles.get(SEED_ID)!, MIN_LAYOUT_COLUMNS));
	});

	it('finds the same lines when a query is typed a character at a time, extended, shortened or pasted', () => {
		let state = press(readyState(), 'j', {return: true}, '/');
		const typed = press(state, ...'hanh chinh'.split(''));
		const pasted = press(state, 'hanh chinh');
		expect(searchMatches(typed).lines.length).toBeGreaterThan(1);
		expect(searchMatches(pasted).lines).toEqual(searchMatches(typed).lines);
		const shorter = press(typed, {backspace: true}, {backspace: true}, {backspace: true}, {backspace: true}, {backspace: true});
		state = press(state, 'hanh ');
		expect(searchMatches(shorter).lines).toEqual(searchMatches(state).lines);
		expect(searchMatches(shorter).lines.length).toBeGreaterThan(searchMatches(typed).lines.length);
	});

	it('counts matches up to MATCH_LIMIT and still steps to every one past it, round the end', () => {
		const lines = Array.from({length: MATCH_LIMIT + 500}, (_, i) => `Dòng ${i} nói về một cơn bão.`);
		const article = parseArticle(['Bão', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', ...lines].join('\n\n'), {id: 'bao', source: 'bao'});
		let state = press(readyState(100, 30, [article]), '/', 'con bao', {return: true});
		const matches = searchMatches(state);
		expect(matches.lines).toHaveLength(MATCH_LIMIT);
		expect(matches.more).toBe(true);
		expect(statusText(state).right).toContain(`“con bao” 1/${MATCH_LIMIT}+`);
		const layout = articleView(state)!.layout;
		const last = matches.lines.at(-1)!;
		const beyond = nextMatch(layout, 'con bao', last, 1)!;
		expect(beyond).toBeGreaterThan(last);
		expect(layout.lines[beyond]!.text).toMatch(/cơn bão/);
		state = press(state, 'N');
		expect(layout.lines[state.search.line!]!.text).toBe(lines.at(-1));
		expect(statusText(state).right).toContain(`“con bao” …/${MATCH_LIMIT}+`);
		expect(nextMatch(layout, 'con bao', state.search.line!, 1)).toBe(matches.lines[0]);
	});
});

import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createReadStream, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {findEntry, loadDataset, openArticle} from '../source/dataset/load';
import {seedPath} from './helpers/pages';

let root: string;

const page = (title: string, dateline?: string) => `${title}\n\n${dateline ? dateline + '\n\n' : ''}Một đoạn thân bài đủ dài để làm phần mở đầu của bài.\n`;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'docbao-dataset-'));
	mkdirSync(join(root, 'a'));
	mkdirSync(join(root, 'b'));
	writeFileSync(join(root, 'seed.txt'), readFileSync(seedPath));
	writeFileSync(join(root, 'a', 'cam.txt'), page('GIÁ CAM SÀNH giảm mạnh, nông dân thất thu', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)'));
	writeFileSync(join(root, 'a', 'same.txt'), page('Bài ở thư mục a', 'Thứ Ba 31/07/2018 , 08:00 (GMT+7)'));
	writeFileSync(join(root, 'b', 'same.txt'), page('Bài ở thư mục b'));
	writeFileSync(join(root, 'b', 'notes.md'), '# not a page');
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('loadDataset', () => {
	it('reads every *.txt below a folder, newest first and undated last', async () => {
		const dataset = await loadDataset(root);
		expect(dataset.entries.map((entry) => entry.id)).toEqual(['a/same', 'cam', 'seed', 'b/same']);
		expect(dataset.entries.map((entry) => entry.published)).toEqual([
			'2018-07-31T08:00:00+07:00', '2018-07-30T08:00:00+07:00', '2018-07-29T21:17:00+07:00', null,
		]);
	});

	it('links a related story to the dataset article of the same title, whatever its case and diacritics', async () => {
		const dataset = await loadDataset(root);
		const article = openArticle(findEntry(dataset, 'seed')!, dataset.titles);
		expect(article.related[0]!.id).toBe('cam');
		expect(article.related.slice(1).map((story) => story.id)).toEqual([null, null, null]);
	});

	it('reports progress as it reads', async () => {
		const calls: Array<[number, number]> = [];
		await loadDataset(root, {onProgress: (done, total) => calls.push([done, total])});
		expect(calls.at(-1)).toEqual([4, 4]);
	});

	it('reads one file, with its folder as the place to link to', async () => {
		const dataset = await loadDataset(join(root, 'a', 'cam.txt'));
		expect(dataset.entries.map((entry) => entry.id)).toEqual(['cam']);
		expect(dataset.root).toBe(join(root, 'a'));
	});

	it('reads standard input as one article', async () => {
		const dataset = await loadDataset('-', {stdin: createReadStream(seedPath)});
		expect(dataset.entries[0]!.id).toBe('stdin');
		expect(openArticle(dataset.entries[0]!, new Map()).title).toMatch(/^Quảng Nam/);
	});

	it('agrees with the full parse when the headline lies past the first 16 KB, or a character straddles the cut', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'docbao-head-'));
		try {
			const chrome = '| Hotline: 0983.970.780\n'.repeat(1000);
			writeFileSync(join(folder, 'deep.txt'), chrome + page('Tiêu đề nằm sâu trong trang', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)'));
			// Two-byte characters after an odd-length head, so the 16 KB cut falls inside one of them.
			const top = page('Đường ống dẫn nước', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)');
			const pad = (16_384 - Buffer.byteLength(top)) % 2 === 1 ? '' : 'x';
			writeFileSync(join(folder, 'straddle.txt'), top + pad + 'ư'.repeat(9000));
			const dataset = await loadDataset(folder);
			for (const entry of dataset.entries) {
				const article = openArticle(entry, new Map());
				expect({title: entry.title, published: entry.published}).toEqual({title: article.title, published: article.published});
			}
			expect(findEntry(dataset, 'deep')!.title).toBe('Tiêu đề nằm sâu trong trang');
			expect(findEntry(dataset, 'straddle')!.title).toBe('Đường ống dẫn nước');
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('fails with a clear message for a missing path', async () => {
		await expect(loadDataset(join(root, 'missing'))).rejects.toThrow(/cannot read .*missing/);
	});
});

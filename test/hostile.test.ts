// Pages as a crawl may hold them: broken encodings, control characters, binary files, huge lines.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {parseArticle} from '../source/article/parse';
import {findEntry, loadDataset, openArticle} from '../source/dataset/load';
import {renderPlain} from '../source/render/plain';
import {renderArticleJson} from '../source/render/json';
import {findFolded, foldQuery} from '../source/text/fold';
import {fixturesDir, readPage} from './helpers/pages';
import {runCli} from './helpers/cli';

const hostile = join(fixturesDir, 'hostile');
const page = (name: string) => readPage(join(hostile, name));
const parse = (text: string) => parseArticle(text, {id: 'x', source: 'x'});
const plain = (text: string, width = Number.POSITIVE_INFINITY) => renderPlain(parse(text), {width, color: false});

// Everything a terminal acts on: C0 controls but newline, DEL, C1 controls, bidi controls.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-hostile-'));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('encodings', () => {
	it.each([
		['utf-8-bom.txt', 'Tiêu đề có BOM'],
		['utf-16le.txt', 'Trang UTF-16 có dấu: Quảng Nam'],
		['utf-16be.txt', 'Trang UTF-16 có dấu: Quảng Nam'],
		['windows-1252.txt', 'Café £5 “ngon” – résumé'],
	])('reads %s', (name, title) => {
		expect(parse(page(name)).title).toBe(title);
	});

	it('removes a stray NUL instead of skipping the page', () => {
		expect(parse(page('stray-nul.txt')).title).toBe('Tiêu đề có một NUL');
		expect(runCli(['show', join(hostile, 'stray-nul.txt')]).stdout.split('\n')[0]).toBe('Tiêu đề có một NUL');
	});
});

describe('terminal safety', () => {
	const text = page('escapes.txt');

	it('keeps no escape sequence or control character in plain output, and the visible text around them', () => {
		const output = plain(text);
		expect(output).not.toMatch(UNSAFE);
		expect(output.split('\n')[0]).toBe('Tin nóng: giá lúa tăng');
		expect(output).toContain('Đoạn mở đầu có chữ ẩn liên kết ở giữa.');
		expect(output).toContain('Chữ gnợưn và cô lập không đổi chiều, chuông và xoá bị bỏ.');
		expect(output).toContain('C1: đỏ, DCS , APC , PM  và SOS  hết.');
		expect(output).not.toMatch(/PWNED|ZXZpbC|evil\.example|riêng|bí mật/);
	});

	it('keeps them in JSON, but every one as a \\u escape', () => {
		const json = renderArticleJson(parse(text));
		expect(json).not.toMatch(UNSAFE);
		const article = JSON.parse(json);
		expect(article.title).toContain('\u001b]0;PWNED TITLE\u0007');
		expect(JSON.stringify(article.blocks)).toContain('\\u001b]52;c;');
		expect(article.blocks.some((block: {text: string}) => block.text.includes('\u202e'))).toBe(true);
	});

	it('keeps them off stderr too: a file name cannot drive the terminal', () => {
		const evil = join(work, 'tên\u001b]0;pwned\u0007.txt');
		writeFileSync(evil, Buffer.from([0, 1, 2, 3, 0, 0, 0, 5, 6]));
		const run = runCli(['list', work]);
		expect(run.stderr).toMatch(/^docbao: warning: skipping .*binary/);
		expect(run.stderr).not.toMatch(UNSAFE);
		unlinkSync(evil);
	});
});

describe('zero-width characters', () => {
	it('stay in the text shown but do not break search', () => {
		const article = parse(page('zero-width.txt'));
		expect(article.title).toBe('Quảng\u200bNam và Hội\u200dAn');
		expect(findFolded(article.title, foldQuery('quảngnam'))).toEqual([{start: 0, end: 'Quảng\u200bNam'.length}]);
		expect(findFolded(article.blocks[0]!.text, foldQuery('đànẵng'))).toHaveLength(1);
	});
});

describe('degenerate pages', () => {
	it.each(['empty.txt', 'whitespace-only.txt', 'chrome-only.txt'])('gives %s an empty article, and show prints a placeholder title', (name) => {
		const article = parse(page(name));
		expect(article.title).toBe('');
		expect(article.blocks).toEqual([]);
		const run = runCli(['show', join(hostile, name)]);
		expect(run.status).toBe(0);
		expect(run.stdout).toBe('(untitled)\n\n');
	});

	it('reads a one-line page as its title', () => {
		expect(parse(page('one-line.txt')).title).toBe('Chỉ một dòng duy nhất không có xuống dòng');
	});

	it('breaks a 20,000-character word to the width, losing nothing', () => {
		const word = 'ư'.repeat(10_000) + 'a'.repeat(10_000);
		const lines = plain(`Tiêu đề\n\n${word}\n`, 80).split('\n');
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
		expect(lines.join('').includes(word)).toBe(true);
	});

	it('shows a 600 KB single line at --width 80 in well under a second, no line past the width', () => {
		const file = join(work, 'huge-line.txt');
		writeFileSync(file, 'Một câu dài vô tận với nhiều chữ có dấu. '.repeat(15_000));
		const started = Date.now();
		const run = runCli(['show', file, '--width', '80']);
		const elapsed = Date.now() - started;
		expect(run.status).toBe(0);
		expect(elapsed).toBeLessThan(5000);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines.length).toBeGreaterThan(7000);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	});

	it('reads a page of 100,000 lines', () => {
		const text = Array.from({length: 100_000}, (_, i) => `Dòng số ${i} của một trang rất dài.`).join('\n');
		const article = parse(text);
		expect(article.title).toBe('Dòng số 0 của một trang rất dài.');
		expect(article.blocks).toHaveLength(99_999);
	});
});

describe('binary files', () => {
	it('are skipped with one warning naming the file, and the rest of the dataset loads', async () => {
		const folder = join(work, 'mixed');
		mkdirSync(folder);
		writeFileSync(join(folder, 'image.txt'), Buffer.concat([Buffer.from('\u0089PNG\r\n\u001a\n'), Buffer.alloc(400)]));
		writeFileSync(join(folder, 'page.txt'), 'Một trang bình thường\n\nNội dung.\n');
		const warnings: string[] = [];
		const dataset = await loadDataset(folder, {warn: (message) => warnings.push(message)});
		expect(dataset.entries.map((entry) => entry.id)).toEqual(['page']);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('image.txt');
		const run = runCli(['show', join(folder, 'image.txt')]);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^docbao: .*image\.txt: a binary file, not a page\n$/);
	});
});

describe('dataset faults', () => {
	it('warns about broken links and link loops, and loads the rest', async () => {
		const folder = join(work, 'links');
		mkdirSync(join(folder, 'sub'), {recursive: true});
		writeFileSync(join(folder, 'sub', 'page.txt'), 'Trang thật\n\nNội dung.\n');
		symlinkSync(join(folder, 'missing.txt'), join(folder, 'broken.txt'));
		symlinkSync(join(folder, 'loop.txt'), join(folder, 'loop.txt'));
		symlinkSync(folder, join(folder, 'sub', 'back-to-top'));
		const warnings: string[] = [];
		const dataset = await loadDataset(folder, {warn: (message) => warnings.push(message)});
		expect(dataset.entries.map((entry) => entry.id)).toEqual(['page']);
		expect(warnings.join('\n')).toMatch(/broken\.txt: broken link/);
		expect(warnings.join('\n')).toMatch(/loop\.txt: symlink loop/);
	});

	it('gives the same file name in two folders two ids, and ignores files that are not pages', async () => {
		const folder = join(work, 'twins');
		mkdirSync(join(folder, 'a'), {recursive: true});
		mkdirSync(join(folder, 'b'));
		writeFileSync(join(folder, 'a', 'tin.txt'), 'Tin ở a\n');
		writeFileSync(join(folder, 'b', 'tin.txt'), 'Tin ở b\n');
		// HTML files are pages since issue 12; a PDF or a JSON file (not JSON Lines) is none.
		writeFileSync(join(folder, 'b', 'tin.json'), '{"text": "not a page"}');
		writeFileSync(join(folder, 'b', 'tin.pdf'), '%PDF-1.4 not a page');
		const dataset = await loadDataset(folder);
		expect(dataset.entries.map((entry) => entry.id).sort()).toEqual(['a/tin', 'b/tin']);
		expect(runCli(['show', 'b/tin', '--data', folder]).stdout.split('\n')[0]).toBe('Tin ở b');
	});

	it('reports a file deleted after listing as a clear error, not a crash', async () => {
		const folder = join(work, 'vanishing');
		mkdirSync(folder);
		writeFileSync(join(folder, 'gone.txt'), 'Sắp bị xoá\n');
		const dataset = await loadDataset(folder);
		unlinkSync(join(folder, 'gone.txt'));
		expect(() => openArticle(findEntry(dataset, 'gone')!, dataset.titles)).toThrow(/cannot read .*gone\.txt: no such file/);
	});

	// Root reads a file whatever its mode, so this case can only be made as another user; CI runs as root.
	it.skipIf(process.getuid?.() === 0)('warns about a file it may not read (skipped as root, who may read anything)', async () => {
		const folder = join(work, 'locked');
		mkdirSync(folder);
		writeFileSync(join(folder, 'locked.txt'), 'Bí mật\n');
		writeFileSync(join(folder, 'open.txt'), 'Công khai\n');
		chmodSync(join(folder, 'locked.txt'), 0o000);
		const warnings: string[] = [];
		const dataset = await loadDataset(folder, {warn: (message) => warnings.push(message)});
		expect(dataset.entries.map((entry) => entry.id)).toEqual(['open']);
		expect(warnings.join('\n')).toMatch(/locked\.txt: permission denied/);
	});
});

describe('wide and complex characters', () => {
	it.each([10, 17, 33])('wraps CJK, emoji and combining marks within %i columns', (width) => {
		for (const line of plain(page('wide.txt'), width).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
	});
});

it('reads every hostile fixture without a control character reaching plain output', () => {
	for (const name of ['escapes.txt', 'windows-1252.txt', 'utf-16le.txt', 'utf-16be.txt', 'zero-width.txt', 'wide.txt', 'stray-nul.txt']) {
		expect(plain(page(name)), name).not.toMatch(UNSAFE);
	}
});

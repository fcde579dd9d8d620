// The SQLite index: its refresh (new, changed, deleted, renamed pages and JSON Lines records),
// folding, ranking, the query syntax, faults of the cache, and the CLI's list, search and show
// through it. Every test keeps its cache in a temporary folder.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openCatalog, type Catalog} from '../source/dataset/index/catalog';
import {indexFile} from '../source/dataset/index/location';
import {matchExpression, parseQuery, QueryError} from '../source/dataset/index/query';
import {openArticle} from '../source/dataset/load';
import {startLoading} from '../source/ui/loader';
import {cliPath, seedPath} from './helpers/pages';
import {runCli} from './helpers/cli';
import {articlePage, gzipMembers, htmlResponse, warcRecord} from './helpers/warc';

let work: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-index-'));
	env = {...process.env, XDG_CACHE_HOME: join(work, 'cache')};
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

const page = (title: string, date: string, ...paragraphs: string[]) => [title, date, ...paragraphs].join('\n\n') + '\n';

function dataset(name: string, files: Record<string, string>): string {
	const folder = join(work, name);
	mkdirSync(folder, {recursive: true});
	for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
	return folder;
}

async function refreshed(folder: string, warnings: string[] = []): Promise<Catalog> {
	const catalog = openCatalog(folder, {env, warn: (message) => warnings.push(message)});
	await catalog.refresh();
	return catalog;
}

const ids = (catalog: Catalog) => catalog.rows().map((entry) => entry.id);
const cli = (args: string[]) => runCli(args, {env});

describe('refreshing the index', () => {
	it('adds new pages, reads changed ones again, drops deleted ones and follows renames', async () => {
		const folder = dataset('refresh', {
			'a.txt': page('Lũ lớn ở Quảng Nam', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nước lên nhanh ở các xã ven sông.'),
			'b.txt': page('Giá cam sành giảm', 'Thứ Ba 31/07/2018 , 08:00 (GMT+7)', 'Nông dân thất thu vì giá cam.'),
		});
		let catalog = await refreshed(folder);
		expect(ids(catalog)).toEqual(['b', 'a']);
		expect(catalog.count()).toBe(2);
		catalog.close();

		writeFileSync(join(folder, 'c.txt'), page('Đường mới ở Cần Thơ', 'Thứ Tư 01/08/2018 , 08:00 (GMT+7)', 'Con đường mới nối hai huyện.'));
		writeFileSync(join(folder, 'a.txt'), page('Lũ đã rút ở Quảng Nam', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nước đã rút.'));
		utimesSync(join(folder, 'a.txt'), new Date(), new Date(Date.now() + 5000));
		rmSync(join(folder, 'b.txt'));
		catalog = openCatalog(folder, {env, warn: () => {}});
		const summary = await catalog.refresh();
		expect(summary).toMatchObject({added: 1, changed: 1, removed: 1});
		expect(ids(catalog)).toEqual(['c', 'a']);
		expect(catalog.find('a')!.title).toBe('Lũ đã rút ở Quảng Nam');
		expect(catalog.find('b')).toBeUndefined();
		expect(catalog.search('thu')).toEqual([]);

		renameSync(join(folder, 'c.txt'), join(folder, 'd.txt'));
		await catalog.refresh();
		expect(ids(catalog)).toEqual(['d', 'a']);
		expect(catalog.search('duong moi').map((hit) => hit.entry.id)).toEqual(['d']);
		expect(await catalog.refresh()).toMatchObject({added: 0, changed: 0, removed: 0});
		expect(catalog.count()).toBe(2);
		catalog.close();
	});

	it('keeps its count of listed articles right through additions, deletions and older captures', async () => {
		const capture = (uri: string, title: string, date: string) => warcRecord({...htmlResponse(uri, articlePage(title, '2019-11-20T10:00:00Z')), date});
		const folder = dataset('counted', {'a.txt': page('Cầu mới ở Huế', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Cây cầu nối hai bờ sông Hương.')});
		const archive = join(folder, 'crawl.warc.gz');
		const write = (...records: Buffer[]) => {
			writeFileSync(archive, gzipMembers(records));
			utimesSync(archive, new Date(), new Date(Date.now() + Math.random() * 1e6));
		};
		write(capture('https://a.example/one', 'One, first capture', '2019-11-21T01:00:00Z'), capture('https://a.example/two', 'Two', '2019-11-21T02:00:00Z'), capture('https://a.example/one', 'One, second capture', '2019-11-21T05:00:00Z'));
		const catalog = await refreshed(folder);
		// Counted without the index's help, by the rows a listing gives.
		const listed = () => catalog.rows().length;
		expect(listed()).toBe(3);
		expect(catalog.count()).toBe(listed());

		write(capture('https://a.example/two', 'Two', '2019-11-21T02:00:00Z'), capture('https://a.example/three', 'Three', '2019-11-21T03:00:00Z'), capture('https://a.example/three', 'Three again', '2019-11-21T06:00:00Z'), capture('https://a.example/four', 'Four', '2019-11-21T04:00:00Z'));
		await catalog.refresh();
		expect(listed()).toBe(4);
		expect(catalog.count()).toBe(listed());

		rmSync(join(folder, 'a.txt'));
		await catalog.refresh();
		expect(listed()).toBe(3);
		expect(catalog.count()).toBe(listed());
		catalog.close();
	});

	it('indexes JSON Lines records, plain and gzip, and opens each from its place', async () => {
		const records = Array.from({length: 30}, (_, i) => JSON.stringify({id: `r${i}`, title: `Bản tin số ${i}`, date: `2020-10-${String((i % 28) + 1).padStart(2, '0')}`, text: `Nội dung của bản tin số ${i} về mùa lúa.`}));
		const folder = dataset('records', {'feed.jsonl': records.join('\n') + '\n'});
		const catalog = await refreshed(folder);
		expect(catalog.count()).toBe(30);
		const entry = catalog.find('r7')!;
		expect(entry.place).toBeDefined();
		expect(openArticle(entry, catalog.titles).blocks.map((block) => block.text).join(' ')).toContain('bản tin số 7');
		expect(catalog.search('"ban tin so 12"').map((hit) => hit.entry.id)).toEqual(['r12']);
		catalog.close();
	});

	it('trusts settled folder times in a quick refresh, and a full one finds pages rewritten in place', async () => {
		const folder = dataset('quick', {
			'a.txt': page('Mưa lớn ở Huế', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nước sông Hương lên cao.'),
			'b.txt': page('Giá lúa tăng', 'Thứ Ba 31/07/2018 , 08:00 (GMT+7)', 'Thương lái mua lúa sớm.'),
		});
		const past = new Date(Date.now() - 60_000);
		const settle = () => utimesSync(folder, past, past);
		for (const name of ['a.txt', 'b.txt']) utimesSync(join(folder, name), past, past);
		settle();
		const catalog = await refreshed(folder);
		expect(await catalog.refresh({quick: true})).toMatchObject({added: 0, changed: 0, removed: 0});

		// Rewritten in place, with its old time: the folder does not change, and a quick refresh trusts it.
		writeFileSync(join(folder, 'a.txt'), page('Nước rút ở Huế', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nước đã rút.'));
		utimesSync(join(folder, 'a.txt'), past, new Date(past.getTime() + 1000));
		expect(await catalog.refresh({quick: true})).toMatchObject({added: 0, changed: 0, removed: 0});
		expect(catalog.find('a')!.title).toBe('Mưa lớn ở Huế');
		expect(await catalog.refresh()).toMatchObject({changed: 1});
		expect(catalog.find('a')!.title).toBe('Nước rút ở Huế');

		// A page added or removed changes the folder's time: a quick refresh sees it.
		writeFileSync(join(folder, 'c.txt'), page('Cầu mới ở Đà Nẵng', 'Thứ Tư 01/08/2018 , 08:00 (GMT+7)', 'Cây cầu nối hai quận.'));
		expect(await catalog.refresh({quick: true})).toMatchObject({added: 1});
		rmSync(join(folder, 'b.txt'));
		expect(await catalog.refresh({quick: true})).toMatchObject({removed: 1});
		// In a folder changed a moment ago, a rewrite may hide within the clock's tick: its time is not trusted.
		writeFileSync(join(folder, 'c.txt'), page('Cầu mới thông xe', 'Thứ Tư 01/08/2018 , 08:00 (GMT+7)', 'Cây cầu đã thông xe.'));
		utimesSync(join(folder, 'c.txt'), past, new Date(past.getTime() + 2000));
		expect(await catalog.refresh({quick: true})).toMatchObject({changed: 1});
		expect(ids(catalog).sort()).toEqual(['a', 'c']);
		catalog.close();
	});
});

describe('the reader\'s loading', () => {
	it('has the list of an index already built ready before the refresh in the background ends', async () => {
		const folder = dataset('warm', {
			'a.txt': page('Lũ lớn ở Quảng Nam', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nước lên nhanh ở các xã ven sông.'),
			'b.txt': page('Giá cam sành giảm', 'Thứ Ba 31/07/2018 , 08:00 (GMT+7)', 'Nông dân thất thu vì giá cam.'),
		});
		(await refreshed(folder)).close();
		writeFileSync(join(folder, 'c.txt'), page('Đường mới ở Cần Thơ', 'Thứ Tư 01/08/2018 , 08:00 (GMT+7)', 'Con đường mới nối hai huyện.'));
		const loader = startLoading(folder, () => {}, {env, index: true});
		let done = false;
		void loader.done.then(() => (done = true));
		await loader.ready;
		// The first frame can show what the index holds; the new page comes with the refresh.
		expect(done).toBe(false);
		expect(loader.list?.count('')).toBe(2);
		await loader.done;
		expect(loader.list?.count('')).toBe(3);
	});

	it('is ready when a dataset without an index is read whole', async () => {
		const folder = dataset('unindexed', {'a.txt': page('Lũ lớn ở Quảng Nam', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nước lên nhanh.')});
		const loader = startLoading(folder, () => {}, {env, index: false});
		await loader.ready;
		expect(loader.list?.count('')).toBe(1);
	});
});

describe('folding and query syntax', () => {
	it('finds đ as d, NFD text as NFC, and words with zero-width characters in them', async () => {
		const folder = dataset('folding', {
			'duong.txt': page('Con đường làng', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Đường đất đã được đổ bê tông.'),
			'nfd.txt': page('Quảng Nam'.normalize('NFD'), 'Thứ Ba 31/07/2018 , 08:00 (GMT+7)', 'Tin từ Quảng Nam.'.normalize('NFD')),
			'zw.txt': page('Nông\u200bnghiệp sạch', 'Thứ Tư 01/08/2018 , 08:00 (GMT+7)', 'Bài về nông\u200bnghiệp.'),
		});
		const catalog = await refreshed(folder);
		const found = (query: string) => catalog.search(query).map((hit) => hit.entry.id);
		expect(found('duong')).toEqual(['duong']);
		expect(found('đường')).toEqual(['duong']);
		expect(found('quang nam')).toEqual(['nfd']);
		expect(found('Quảng')).toEqual(['nfd']);
		expect(found('nongnghiep')).toEqual(['zw']);
		expect(found('nông*')).toEqual(['zw']);
		expect(found('"con duong"')).toEqual(['duong']);
		expect(found('con lang')).toEqual(['duong']);
		expect(found('con xyz')).toEqual([]);
		catalog.close();
	});

	it('turns every term into a quoted phrase, so no input is FTS5 syntax', () => {
		expect(matchExpression(parseQuery('covid-19 "cam sành" nông* title:x'))).toBe('"covid 19" AND "cam sanh" AND "nong" * AND "title x"');
		expect(() => parseQuery('"unclosed')).toThrow(QueryError);
		expect(() => parseQuery('  * - ')).toThrow(QueryError);
	});

	it('ranks a title match above a passing mention', async () => {
		const filler = 'Một đoạn văn dài về nhiều chuyện khác nhau trong tỉnh.';
		const folder = dataset('ranking', {
			'mention.txt': page('Tin tổng hợp trong ngày', 'Thứ Năm 02/08/2018 , 08:00 (GMT+7)', filler, `Cuối cùng có nhắc đến sầu riêng một lần.`, filler),
			'title.txt': page('Giá sầu riêng tăng vọt', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', filler, filler),
		});
		const catalog = await refreshed(folder);
		expect(catalog.search('sau rieng').map((hit) => hit.entry.id)).toEqual(['title', 'mention']);
		catalog.close();
	});
});

describe('faults of the cache', () => {
	it('rebuilds a damaged index with a warning', async () => {
		const folder = dataset('damaged', {'a.txt': page('Một trang', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nội dung.')});
		const file = indexFile(openCatalog(folder, {env, warn: () => {}}).root, env);
		writeFileSync(file, 'this is not a database, it is a page of text that was written over it'.repeat(100));
		rmSync(`${file}-wal`, {force: true});
		rmSync(`${file}-shm`, {force: true});
		const warnings: string[] = [];
		const catalog = await refreshed(folder, warnings);
		expect(warnings.join('\n')).toMatch(/was damaged/);
		expect(ids(catalog)).toEqual(['a']);
		catalog.close();
	});

	it('indexes in memory, with a warning, when the cache folder cannot be written', async () => {
		const folder = dataset('readonly', {'a.txt': page('Một trang', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Nội dung.')});
		const cache = join(work, 'readonly-cache');
		mkdirSync(cache);
		// A file where the cache folder should be: not even root can make a folder there.
		writeFileSync(join(cache, 'docbao'), 'not a folder');
		const warnings: string[] = [];
		const catalog = openCatalog(folder, {env: {...env, XDG_CACHE_HOME: cache}, warn: (message) => warnings.push(message)});
		await catalog.refresh();
		expect(catalog.handle.inMemory).toBe(true);
		expect(warnings.join('\n')).toMatch(/indexing in memory/);
		expect(ids(catalog)).toEqual(['a']);
		catalog.close();
		chmodSync(cache, 0o755);
	});

	it('lets two processes index and search one dataset at once', async () => {
		const files = Object.fromEntries(Array.from({length: 300}, (_, i) => [`p${i}.txt`, page(`Bài số ${i} về lúa gạo`, 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', `Nội dung bài ${i} về giá lúa gạo.`)]));
		const folder = dataset('together', files);
		const run = (args: string[]) =>
			new Promise<{status: number | null; stdout: string; stderr: string}>((resolve) => {
				const child = spawn(process.execPath, [cliPath, ...args], {env});
				let stdout = '';
				let stderr = '';
				child.stdout.on('data', (data) => (stdout += data));
				child.stderr.on('data', (data) => (stderr += data));
				child.on('exit', (status) => resolve({status, stdout, stderr}));
			});
		const [first, second] = await Promise.all([run(['list', folder]), run(['search', 'lua gao', folder])]);
		expect(first.status, first.stderr).toBe(0);
		expect(second.status, second.stderr).toBe(0);
		expect(first.stdout.trim().split('\n')).toHaveLength(300);
		expect(second.stdout.trim().split('\n')).toHaveLength(300);
	});

	it('recovers from an indexing killed at any moment, never showing a wrong article for an id', async () => {
		const files = Object.fromEntries(Array.from({length: 3000}, (_, i) => [`k${String(i).padStart(4, '0')}.txt`, page(`Tin số ${i}`, 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', `Đây là nội dung riêng của tin số ${i}.`)]));
		const folder = dataset('killed', files);
		for (const delay of [150, 400]) {
			const child = spawn(process.execPath, [cliPath, 'list', folder], {env, stdio: 'ignore'});
			await new Promise((resolve) => setTimeout(resolve, delay));
			child.kill('SIGKILL');
			await new Promise((resolve) => child.on('exit', resolve));
		}
		const catalog = await refreshed(folder);
		expect(catalog.count()).toBe(3000);
		for (const i of [0, 1234, 2999]) {
			const entry = catalog.find(`k${String(i).padStart(4, '0')}`)!;
			expect(openArticle(entry, catalog.titles).blocks[0]!.text).toBe(`Đây là nội dung riêng của tin số ${i}.`);
		}
		catalog.close();
	});
});

describe('the command line through the index', () => {
	it('searches: id, date, title and snippet; nothing and status 0 for no match; status 2 for a bad query', () => {
		const run = cli(['search', 'hanh chinh', join(seedPath, '..')]);
		expect(run.status).toBe(0);
		const [id, published, title, snippet] = run.stdout.trim().split('\t');
		expect(id).toBe('000_70534d3c3e278d1a');
		expect(published).toBe('2018-07-29T21:17:00+07:00');
		expect(title).toMatch(/^Quảng Nam/);
		expect(snippet).toMatch(/hành chính/i);
		const json = JSON.parse(cli(['search', 'hanh chinh', join(seedPath, '..'), '--json']).stdout);
		expect(json).toMatchObject({id, score: expect.any(Number), snippet: expect.any(String)});
		const none = cli(['search', 'khongcochunay', join(seedPath, '..')]);
		expect(none).toMatchObject({status: 0, stdout: ''});
		const bad = cli(['search', '"open', join(seedPath, '..')]);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/^docbao: unclosed quote/);
		expect(bad.stderr).not.toMatch(/SqliteError|at /);
	});

	it('indexes a large JSON Lines file in parsing threads, with the ids and articles of a reading without the index', () => {
		// Over 2 MB of records: parsed in worker threads, written in file order, and a bad line still only warned of.
		const paragraph = 'Người dân vùng lũ đang dọn dẹp nhà cửa sau nhiều ngày nước ngập sâu. '.repeat(40);
		const lines = Array.from({length: 900}, (_, i) => JSON.stringify({id: i % 3 === 0 ? undefined : `tin-${i}`, title: `Tin lũ số ${i}`, date: `2020-10-${String((i % 28) + 1).padStart(2, '0')}`, text: `${paragraph}\n\nĐoạn riêng số ${i}.`}));
		lines.splice(450, 0, '{not json');
		const folder = dataset('many-records', {'lu.jsonl': lines.join('\n') + '\n'});
		const indexed = cli(['list', folder, '--json']);
		const plain = cli(['list', folder, '--json', '--no-index']);
		expect(indexed.status).toBe(0);
		expect(indexed.stdout.split('\n').filter(Boolean)).toHaveLength(900);
		expect(indexed.stdout).toBe(plain.stdout);
		expect(indexed.stderr).toMatch(/lu\.jsonl:451/);
		// Record 897 has no id of its own: after the bad line, it is on line 899.
		const shown = cli(['show', 'lu:899', '--data', folder]);
		expect(shown.stdout).toContain('Đoạn riêng số 897.');
	});

	it('works the same without the index, and filters by date and site', () => {
		const folder = dataset('filters', {
			'old.txt': page('Tin cũ về lúa', 'Thứ Hai 30/07/2018 , 08:00 (GMT+7)', 'Lúa năm cũ.'),
			'new.txt': `# url = https://www.example.org/new\n${page('Tin mới về lúa', 'Thứ Hai 30/07/2019 , 08:00 (GMT+7)', 'Lúa năm mới.')}`,
		});
		for (const extra of [[], ['--no-index']]) {
			expect(cli(['search', 'lua', folder, ...extra]).stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]).sort()).toEqual(['new', 'old']);
			expect(cli(['list', folder, '--since', '2019-01-01', ...extra]).stdout).toMatch(/^new\t/);
			expect(cli(['list', folder, '--until', '2018-07-30', ...extra]).stdout).toMatch(/^old\t/);
		}
		expect(cli(['list', folder, '--site', 'example.org']).stdout).toMatch(/^new\t[^\n]*\n$/);
		expect(cli(['list', folder, '--since', 'yesterday-ish']).status).toBe(2);
		expect(existsSync(join(env.XDG_CACHE_HOME!, 'docbao'))).toBe(true);
		expect(readFileSync(seedPath).length).toBeGreaterThan(0);
	});
});

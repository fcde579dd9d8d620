// Nothing crashes, hangs or loses an article: pipes and standard input, special files, huge and
// duplicate pages, ids, encodings and bounded reads. Each case runs the built CLI, as a user would.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {spawnSync} from 'node:child_process';
import {closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, seedPath} from './helpers/pages';
import {runCli} from './helpers/cli';
import {findEntry, loadDataset, openInDataset} from '../source/dataset/load';

const SEED_TITLE = 'Quảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao';
const SEED_END = 'lấy sự hài lòng của người dân, tổ chức làm mục tiêu phục vụ của các cơ quan.';

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-robust-'));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

const idsOf = (rows: string[][]) => rows.map((row) => row[0]);

/** A bash command line in which `cli` runs the built CLI; the CI variable removed as for users. */
function shell(command: string, timeout = 20_000) {
	const env: NodeJS.ProcessEnv = {...process.env, NODE: process.execPath, CLI_JS: cliPath, SEED: seedPath};
	delete env.CI;
	const script = `cli() { "$NODE" "$CLI_JS" "$@"; }\n${command}`;
	const result = spawnSync('bash', ['-c', script], {encoding: 'utf8', env, timeout, cwd: work});
	return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr), timedOut: result.error !== undefined};
}

function folder(name: string, files: Record<string, string | Buffer>): string {
	const path = join(work, name);
	mkdirSync(path, {recursive: true});
	for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
	return path;
}

const page = (title: string, body: string) => `${title}\n\nThứ Hai 30/07/2018 , 08:00 (GMT+7)\n\n${body}\n`;

describe('standard input', () => {
	it('is read whole when it comes late and slowly', () => {
		const run = shell('(sleep 0.4; head -c 3000 "$SEED"; sleep 0.3; tail -c +3001 "$SEED") | cli show -');
		expect(run.status).toBe(0);
		expect(run.stdout.split('\n')[0]).toBe(SEED_TITLE);
		expect(run.stdout).toContain(SEED_END);
	});

	it('is read whole beyond 64 KB', () => {
		const body = Array.from({length: 3000}, (_, i) => `Câu thứ ${i} của một bài báo rất dài được gửi qua đường ống.`).join('\n');
		const run = runCli(['show', '-'], {input: page('Bài dài qua ống', body)});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('Câu thứ 2999 của một bài báo');
	});

	it('is refused past the page limit, with one line', () => {
		const run = shell('head -c 70000000 /dev/zero | tr "\\0" a | cli show -');
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^docbao: standard input is more than over the page limit of 64 MB|^docbao: standard input .*page limit of 64 MB/);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
	});
});

describe('closed and full outputs', () => {
	it('exits 0 when the reading end of stderr closes early', () => {
		const bad = folder('warnings', Object.fromEntries(Array.from({length: 50}, (_, i) => [`bad-${i}.txt`, Buffer.alloc(100)])));
		writeFileSync(join(bad, 'good.txt'), readFileSync(seedPath));
		const run = shell(`cli list "${bad}" 2>&1 | head -1; exit "\${PIPESTATUS[0]}"`);
		expect(run.status).toBe(0);
	});

	it('says in one line that a full disk stopped the output, status 1', () => {
		const run = shell('cli list > /dev/full');
		expect(run.status).toBe(1);
		expect(run.stderr).toBe('docbao: cannot write the output: no space left on the device\n');
	});
});

describe('pipes, sockets and devices given as PATH', () => {
	it('reads a named pipe, a process substitution and /dev/stdin as a stream', () => {
		const fifo = join(work, 'pipe.txt');
		const made = shell(`mkfifo "${fifo}" && (cat "$SEED" > "${fifo}" &) && cli list "${fifo}"`);
		expect(made.status).toBe(0);
		expect(made.stdout).toMatch(new RegExp(`^pipe\\t2018-07-29T21:17:00\\+07:00\\t${SEED_TITLE}\\n$`));
		for (const command of ['cli list <(cat "$SEED")', 'cat "$SEED" | cli list /dev/stdin', 'cat "$SEED" | cli show /dev/stdin']) {
			const run = shell(command);
			expect(run.status, command).toBe(0);
			expect(run.stdout, command).toContain(SEED_TITLE);
		}
	});

	it('refuses a device with a clear message', () => {
		const run = runCli(['show', '/dev/null']);
		expect(run.status).toBe(1);
		expect(run.stderr).toBe('docbao: cannot read /dev/null: a device, not a page file\n');
		expect(runCli(['list', '/dev/zero']).stderr).toMatch(/a device, not a page file/);
	});

	it('skips a pipe or a link to a device inside a dataset folder instead of waiting on it', () => {
		const dataset = folder('with-pipe', {'good.txt': readFileSync(seedPath)});
		const run = shell(`mkfifo "${join(dataset, 'stuck.txt')}" && ln -s /dev/zero "${join(dataset, 'zero.txt')}" && cli list "${dataset}"`, 10_000);
		expect(run.timedOut).toBe(false);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(SEED_TITLE);
		expect(run.stderr).toMatch(/stuck\.txt: a pipe, not a page file/);
		expect(run.stderr).toMatch(/zero\.txt: a link out of the dataset/);
		const followed = shell(`cli list "${dataset}" --follow-links`, 10_000);
		expect(followed.status).toBe(0);
		expect(followed.stderr).toMatch(/zero\.txt: a device, not a page file/);
	});
});

describe('huge pages', () => {
	it('wraps a word of 250,000 characters at width 1 and a 10 MB paragraph at width 80', () => {
		writeFileSync(join(work, 'long-word.txt'), `Một từ rất lớn\n\n${'abcdefghij'.repeat(25_000)}\n`);
		const narrow = runCli(['show', join(work, 'long-word.txt'), '--width', '1'], {maxBuffer: 64 * 1024 * 1024});
		expect(narrow.status).toBe(0);
		expect(narrow.stdout.split('\n').filter((line) => /^[a-j]$/.test(line)).length).toBe(250_000);
		writeFileSync(join(work, 'paragraph.txt'), `A paragraph without end\n\n${'word '.repeat(2_000_000)}\n`);
		const wide = runCli(['show', join(work, 'paragraph.txt'), '--width', '80'], {maxBuffer: 64 * 1024 * 1024});
		expect(wide.status).toBe(0);
		expect(wide.stderr).toBe('');
		expect(wide.stdout.split('\n').length).toBeGreaterThan(120_000);
	});

	it('refuses a page over the limit by its size, and goes on with the rest of a dump', () => {
		const dataset = folder('oversized', {'a.txt': page('Trang thứ nhất', 'Nội dung một.'), 'c.txt': page('Trang thứ ba', 'Nội dung ba.')});
		const huge = join(dataset, 'b.txt');
		closeSync(openSync(huge, 'w'));
		truncateSync(huge, 600 * 1024 * 1024);
		const one = runCli(['show', huge]);
		expect(one.status).toBe(1);
		expect(one.stderr).toMatch(/^docbao: .*b\.txt is 600 MB, over the page limit of 64 MB: not read\n$/);
		const dump = runCli([dataset]);
		expect(dump.status).toBe(0);
		expect(dump.stdout).toContain('Trang thứ nhất');
		expect(dump.stdout).toContain('Trang thứ ba');
		expect(dump.stderr).toMatch(/b\.txt is 600 MB/);
	});
});

describe('articles that must not be lost', () => {
	it('reads three copies of one article as the article, each whole', () => {
		const body = Array.from({length: 5}, (_, i) => `Paragraph ${i + 1} of the report says what the council decided about the river and the bridge.`);
		const text = ['Council approves the bridge', 'Monday, March 4, 2019', ...body].join('\n\n');
		const dataset = folder('copies', {'copy-1.txt': text, 'copy-2.txt': text, 'copy-3.txt': text, 'other.txt': page('Another story', 'Something else entirely.')});
		for (const id of ['copy-1', 'copy-2', 'copy-3']) {
			const run = runCli(['show', id, '--data', dataset]);
			for (const paragraph of body) expect(run.stdout, id).toContain(paragraph);
		}
		expect(runCli(['show', join(dataset, 'copy-2.txt')]).stdout).toContain(body[4]);
	});

	it('reads copies of a long page that each gained a different comment as the article', async () => {
		const body = Array.from({length: 30}, (_, i) => `Paragraph ${i + 1} of the long report explains what the council decided about the river, the bridge and the road.`);
		const menu = Array.from({length: 20}, (_, i) => `Menu ${i}`);
		const page = (comment: string) => ['Council approves the bridge - The Courier', ...menu, 'Council approves the bridge', ...body, comment].join('\n');
		const words = (seed: number) => Array.from({length: 400}, (_, i) => `word${(i * 7 + seed * 13) % 997}`).join(' ');
		const dataset = folder('recrawls', Object.fromEntries([1, 2, 3, 4].map((n) => [`copy-${n}.txt`, page(`A reader wrote: ${words(n)}.`)])));
		const loaded = await loadDataset(dataset);
		const article = openInDataset(findEntry(loaded, 'copy-1')!, loaded);
		for (const paragraph of body) expect(article.blocks.map((block) => block.text)).toContain(paragraph);
	});

	it('keeps the sentences of a short page that look like furniture, and a one-word headline', () => {
		const sentences = [
			'Residents can sign up for a slot at the sandbag station behind the library.',
			'Critics said the terms of service for the new flood alerts were far too long.',
			'Print editions will carry the full list of closed roads on Thursday.',
			'Comments from the mayor are expected after the meeting tonight.',
		];
		const file = join(work, 'flooding.txt');
		writeFileSync(file, ['Flooding', ...sentences].join('\n\n'));
		const run = runCli(['show', file, '--json']);
		const article = JSON.parse(run.stdout);
		expect(article.title).toBe('Flooding');
		expect(article.blocks.map((block: {text: string}) => block.text)).toEqual(sentences);
		expect(runCli(['list', file]).stdout).toMatch(/\tFlooding\n$/);
	});

	it('gives every article a unique id that show accepts as listed', async () => {
		const record = (title: string) => JSON.stringify({title, text: `${title}. The text of this record.`});
		const dataset = folder('ids', {
			'feed.jsonl': `${record('Plain one')}\n${record('Plain two')}\n`,
			'feed.jsonl.gz': gzipSync(`${record('Zipped one')}\n${record('Zipped two')}\n`),
			'page.txt': page('Lower case page', 'Body.'),
			'page.TXT': page('Upper case page', 'Body.'),
			'x.jsonl': `${record('Record one')}\n${record('Record two')}\n`,
			'x:2.txt': page('The file called x:2', 'Body.'),
			'tricky.jsonl': `${JSON.stringify({id: 'tab\there\u001b]0;PWNED\u0007', text: 'Tricky id\n\nBody of the tricky one.'})}\n`,
			'-.txt': page('A page called dash', 'Body.'),
			'l40.jsonl': `${JSON.stringify({id: 'l40', text: 'Named like its file\n\nBody.'})}\n`,
			'empty-id.jsonl': `${JSON.stringify({id: '', text: 'An empty id\n\nBody.'})}\n`,
		});
		writeFileSync(Buffer.from(join(dataset, 'caf\xe9.txt'), 'latin1'), page('A name that is not UTF-8', 'Body.'));
		const listing = runCli(['list', dataset]);
		expect(listing.status).toBe(0);
		expect(listing.stderr).toBe('');
		const rows = listing.stdout.trim().split('\n').map((row) => row.split('\t'));
		expect(rows).toHaveLength(14);
		expect(idsOf(rows)).toEqual(expect.arrayContaining(['l40', '%2D', 'empty-id:1']));
		expect(rows.every((row) => row.length === 3)).toBe(true);
		const ids = rows.map((row) => row[0]!);
		expect(new Set(ids).size).toBe(ids.length);
		expect(listing.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		const loaded = await loadDataset(dataset);
		for (const [id, , title] of rows) expect(openInDataset(findEntry(loaded, id!)!, loaded).title, id).toBe(title);
		// The ids a shell passes back as they were printed: with escapes, with a colon, not UTF-8.
		for (const [id, , title] of rows.filter(([id]) => /%|:|\ufffd|^l40$/.test(id!))) {
			const shown = runCli(['show', id!, '--data', dataset]);
			expect(shown.status, id).toBe(0);
			expect(shown.stdout.split('\n')[0], id).toBe(title);
		}
	});

	it('reads a page whose last character is cut off as UTF-8, not as Windows-1252', () => {
		const bytes = Buffer.from(page('Quảng Nam mùa lũ', 'Nước lên nhanh ở các xã ven sông Thu Bồn và người dân đã được sơ tán.'));
		writeFileSync(join(work, 'cut.txt'), Buffer.concat([bytes, Buffer.from('Quả').subarray(0, 3)]));
		expect(runCli(['show', join(work, 'cut.txt')]).stdout.split('\n')[0]).toBe('Quảng Nam mùa lũ');
	});
});

describe('bounded reading of a dataset', () => {
	it('never follows a link out of the dataset unless asked to', () => {
		const outside = folder('outside', {'far.txt': page('A page from elsewhere', 'Body.')});
		const dataset = folder('linked', {'near.txt': page('A page of the dataset', 'Body.')});
		symlinkSync('/', join(dataset, 'root'));
		symlinkSync(outside, join(dataset, 'elsewhere'));
		const run = runCli(['list', dataset], {timeout: 10_000});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('A page of the dataset');
		expect(run.stdout).not.toContain('A page from elsewhere');
		expect(run.stderr).toMatch(/root: a link out of the dataset/);
		expect(runCli(['list', join(dataset, 'elsewhere'), '--follow-links']).stdout).toContain('A page from elsewhere');
		rmSync(join(dataset, 'root'));
		expect(runCli(['list', dataset, '--follow-links']).stdout).toContain('A page from elsewhere');
	});

	it('links show FILE to its own folder only, without walking the folders below it', () => {
		const dataset = folder('show-file', {'seed.txt': readFileSync(seedPath)});
		const related = 'Du khách ở TP.HCM sắp được trải nghiệm xe điện';
		folder('show-file/deep/er', {'xe.txt': page(related, 'Bảy mươi xe điện.')});
		const alone = JSON.parse(runCli(['show', join(dataset, 'seed.txt'), '--json']).stdout);
		expect(alone.related.find((story: {title: string}) => story.title === related).id).toBeNull();
		writeFileSync(join(dataset, 'xe.txt'), page(related, 'Bảy mươi xe điện.'));
		const beside = JSON.parse(runCli(['show', join(dataset, 'seed.txt'), '--json']).stdout);
		expect(beside.related.find((story: {title: string}) => story.title === related).id).toBe('xe');
	});
});

describe('messages that quote arguments', () => {
	it('never pass an argument’s escape sequences to the terminal', () => {
		const run = runCli(['list', '--x\u001b]0;PWNED\u0007.txt']);
		expect(run.status).toBe(2);
		expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
		expect(run.stderr).toMatch(/^docbao: unknown flag --x\.txt \(usage: .*\)\n$/);
	});
});

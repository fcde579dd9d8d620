import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {parseArticle} from '../source/article/parse';
import {cliPath, readPage, seedPath} from './helpers/pages';
import {runCli} from './helpers/cli';

const SEED_ID = '000_70534d3c3e278d1a';
let root: string;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'docbao-cli-'));
	writeFileSync(join(root, `${SEED_ID}.txt`), readFileSync(seedPath));
	writeFileSync(join(root, 'cam.txt'), 'Giá cam sành giảm mạnh, nông dân thất thu\n\nThứ Hai 30/07/2018 , 08:00 (GMT+7)\n\nGiá cam giảm sâu khiến nhiều nhà vườn thua lỗ.\n');
	writeFileSync(join(root, 'undated.txt'), 'Một bài không có ngày đăng\n\nNội dung của bài viết.\n');
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('docbao list', () => {
	it('prints id, date and title per article, newest first, undated last', () => {
		const run = runCli(['list', root]);
		expect(run.status).toBe(0);
		expect(run.stderr).toBe('');
		expect(run.stdout.trimEnd().split('\n')).toEqual([
			'cam\t2018-07-30T08:00:00+07:00\tGiá cam sành giảm mạnh, nông dân thất thu',
			`${SEED_ID}\t2018-07-29T21:17:00+07:00\tQuảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao`,
			'undated\t\tMột bài không có ngày đăng',
		]);
	});

	it('prints one JSON object per line with --json', () => {
		const lines = runCli(['list', root, '--json']).stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
		expect(lines.map((line) => line.id)).toEqual(['cam', SEED_ID, 'undated']);
		expect(lines[1].published).toBe('2018-07-29T21:17:00+07:00');
	});

	it('lists the bundled data without a path', () => {
		expect(runCli(['list']).stdout).toMatch(new RegExp(`^${SEED_ID}\t`));
	});
});

describe('docbao show', () => {
	it('prints the title on line 1, then kicker and date, the body and the two sections', () => {
		const run = runCli(['show', SEED_ID]);
		expect(run.status).toBe(0);
		const lines = run.stdout.split('\n');
		expect(lines[0]).toBe('Quảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao');
		expect(lines[1]).toBe('Phó Thủ tướng Thường trực Chính phủ Trương Hoà Bình');
		expect(lines[2]).toBe('Chủ Nhật 29/07/2018 , 21:17 (GMT+7)');
		expect(lines[3]).toBe('');
		expect(lines[4]).toMatch(/^Ngày 29\/7, Ủy viên Bộ Chính trị/);
		expect(lines[5]).toBe('');
		const related = lines.indexOf('Related');
		const comments = lines.indexOf('Comments');
		expect(related).toBeGreaterThan(4);
		expect(comments).toBeGreaterThan(related);
		expect(lines.slice(related).join('\n')).toContain('[ĐBSCL] Giá cam sành giảm mạnh, nông dân thất thu');
		expect(lines.slice(comments).join('\n')).toContain('Minh Khang (0967.292.160)');
		expect(run.stdout).not.toMatch(/\u001b/);
	});

	it('prints the article object with --json, equal to the parser’s', () => {
		const run = runCli(['show', SEED_ID, '--json']);
		expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
		const expected = parseArticle(readPage(seedPath), {id: SEED_ID, source: 'x'});
		const actual = JSON.parse(run.stdout);
		expect({...actual, source: 'x'}).toEqual(JSON.parse(JSON.stringify(expected)));
	});

	it('links related stories to the file’s own folder, or to --data', () => {
		const file = join(root, `${SEED_ID}.txt`);
		expect(JSON.parse(runCli(['show', file, '--json']).stdout).related[0].id).toBe('cam');
		expect(JSON.parse(runCli(['show', file, '--json', '--data', join(root, 'undated.txt')]).stdout).related[0].id).toBeNull();
		expect(JSON.parse(runCli(['show', 'cam', '--data', root, '--json']).stdout).title).toBe('Giá cam sành giảm mạnh, nông dân thất thu');
	});

	it('reads standard input with -', () => {
		const run = runCli(['show', '-'], {input: readFileSync(seedPath)});
		expect(run.stdout.split('\n')[0]).toBe('Quảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao');
	});

	it.each([20, 37, 72])('wraps at --width %i with no line wider and no word broken that fits', (width) => {
		const run = runCli(['show', SEED_ID, '--width', String(width)]);
		const lines = run.stdout.trimEnd().split('\n');
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
		const words = new Set(run.stdout.split(/\s+/));
		expect(words.has('Quảng')).toBe(true);
		const unwrapped = runCli(['show', SEED_ID]).stdout.split(/\s+/).filter((word) => stringWidth(word) <= width);
		for (const word of unwrapped) expect(words.has(word), word).toBe(true);
	});

	it('does not hard-wrap when piped without --width', () => {
		const lines = runCli(['show', SEED_ID]).stdout.split('\n');
		expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeGreaterThan(500);
	});

	it('ends quietly with status 0 when the pipe closes early', () => {
		const result = spawnSync('bash', ['-c', `set -o pipefail; node "${cliPath}" show ${SEED_ID} | head -1; node "${cliPath}" list "${root}" | head -c 10 >/dev/null`], {encoding: 'utf8'});
		expect(result.stdout).toBe('Quảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao\n');
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});
});

describe('docbao PATH in a pipe', () => {
	it('prints every article as show does, newest first, when stdout is not a terminal', () => {
		const run = runCli([root]);
		expect(run.status).toBe(0);
		const articles = run.stdout.split('\n---\n\n');
		expect(articles).toHaveLength(3);
		expect(articles[0]!.split('\n')[0]).toBe('Giá cam sành giảm mạnh, nông dân thất thu');
		expect(articles[1]).toBe(runCli(['show', SEED_ID, '--data', root]).stdout.replace(/\n$/, '') + '\n');
	});
});

describe('errors and usage', () => {
	it('reports an unknown id in one line, status 1', () => {
		const run = runCli(['show', 'no-such-article']);
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/^docbao: no article with id no-such-article/);
	});

	it('reports an unreadable path in one line, status 1', () => {
		const run = runCli(['list', join(root, 'missing')]);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^docbao: cannot read .*missing.*\n$/);
	});

	it.each([[['--bogus']], [['lsit']], [['show']], [['list', '--width', 'abc']], [['show', SEED_ID, '--width', '0']]])(
		'answers %j with a usage line and status 2',
		(args) => {
			const run = runCli(args);
			expect(run.status).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr.length).toBeGreaterThan(0);
		},
	);

	it('prints help and version', () => {
		const help = runCli(['--help']);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('docbao list');
		const version = runCli(['--version']);
		expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
	});
});

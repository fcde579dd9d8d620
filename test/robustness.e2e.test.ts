// The reader and standard input in a real terminal: keys typed as stdin, a page that comes late,
// quitting while a dataset still loads, and a paste into the search of a long article.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, seedPath} from './helpers/pages';
import {sessionStarter} from './helpers/terminal';

const SEED_TITLE = 'Quảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao';
const cli = `"${process.execPath}" "${cliPath}"`;

let work: string;
const {start, killAll} = sessionStarter();
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-robust-e2e-'));
});
afterAll(() => {
	killAll();
	rmSync(work, {recursive: true, force: true});
});

describe('standard input in a terminal', () => {
	it('show - reads what is typed until Ctrl+D, as cat does', async () => {
		const session = start([], {shell: `${cli} show - --width 60; echo "status $?"`});
		await new Promise((resolve) => setTimeout(resolve, 300));
		session.write('Typed headline\r\rA sentence typed at the keyboard.\r\u0004');
		await session.waitFor(/status 0/);
		expect(session.text()).toMatch(/^Typed headline$/m);
		expect(session.text()).toContain('A sentence typed at the keyboard.');
	});

	it('opens a page that comes a second late on a pipe', async () => {
		const session = start([], {shell: `(sleep 1; cat "${seedPath}") | ${cli} -`});
		await session.waitFor(SEED_TITLE, 10_000);
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});
});

describe('quitting', () => {
	it('quits at once with q or Ctrl+C while a dataset is still loading', async () => {
		for (const key of ['q', '\u0003']) {
			const fifo = join(work, `endless-${key === 'q' ? 'q' : 'c'}.jsonl`);
			// A pipe whose writer never finishes: the dataset never ends loading.
			const session = start([], {shell: `mkfifo "${fifo}"; (echo '{"text":"One record"}'; sleep 60) > "${fifo}" & ${cli} "${fifo}"; echo "status $?"; kill %1`});
			await session.waitFor('Reading', 10_000);
			const pressed = Date.now();
			session.write(key);
			await session.waitFor(/status 0/, 5000);
			expect(Date.now() - pressed).toBeLessThan(3000);
		}
	});
});

describe('search in a long article', () => {
	it('takes a pasted query in one go and finds its matches', async () => {
		const lines = Array.from({length: 20_000}, (_, i) => `Dòng số ${i} nói về một ${i % 500 === 0 ? 'cơn bão lớn nhất' : 'chuyện thường ngày'}.`);
		const expected = lines.filter((line) => line.includes('cơn bão lớn nhất')).length;
		writeFileSync(join(work, 'long.txt'), ['Trang dài có bão', ...lines].join('\n'));
		const session = start([join(work, 'long.txt')], {cols: 80, rows: 24});
		await session.waitFor('Trang dài có bão', 10_000);
		session.write('/');
		session.write('con bao lon nhat');
		await session.waitFor(`/con bao lon nhat▏ ${expected} matches`, 10_000);
		expect(session.text()).toContain('Dòng số 0 nói về một cơn bão lớn nhất.');
		session.write('\r');
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});
});

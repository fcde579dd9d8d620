// The reader on the worst pages, in a real pseudo-terminal: nothing in a page may take over the
// terminal, and the layout holds.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fixturesDir, seedPath} from './helpers/pages';
import {sessionStarter, type TerminalSession} from './helpers/terminal';

const hostile = join(fixturesDir, 'hostile');
// The lines on screen: first–last/total; the groups are the last line and the total.
const POSITION = / \d+–(\d+)\/(\d+) /;
let work: string;
const {start, killAll} = sessionStarter();

/** The columns, counted in terminal cells, where a row holds the sidebar's border. */
function borderColumns(session: TerminalSession, rows: number): number[] {
	const buffer = session.term.buffer.active;
	const columns: number[] = [];
	for (let y = 0; y < rows; y++) {
		const line = buffer.getLine(y)!;
		for (let x = 0; x < session.term.cols; x++) {
			if (line.getCell(x)?.getChars() === '│') {
				columns.push(x);
				break;
			}
		}
	}
	return columns;
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-hostile-e2e-'));
});
afterAll(() => {
	killAll();
	rmSync(work, {recursive: true, force: true});
});

describe('the reader on hostile pages', () => {
	it('lets no escape sequence through: the title stays, nothing reaches the clipboard, the screen holds', async () => {
		const session = start([join(hostile, 'escapes.txt')], {cols: 100, rows: 24});
		const titles: string[] = [];
		session.term.onTitleChange((title) => titles.push(title));
		await session.waitFor('Tin nóng: giá lúa tăng');
		session.write('G');
		await session.waitFor('khởi động lại');
		expect(titles).toEqual([]);
		expect(session.raw()).not.toContain('\u001b]52');
		expect(session.raw()).not.toContain('\u001b]8;');
		expect(session.raw()).not.toContain('\u001b]0;');
		expect(session.text()).not.toMatch(/PWNED|evil\.example/);
		expect(session.screen()[22]).toMatch(POSITION);
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});

	it('keeps the sidebar border in one column beside CJK, emoji, flags and combining marks', async () => {
		const session = start([join(hostile, 'wide.txt')], {cols: 100, rows: 24});
		await session.waitFor('Related stories');
		const columns = borderColumns(session, 10);
		expect(columns.length).toBe(10);
		expect(new Set(columns).size).toBe(1);
		session.write('q');
		await session.waitForExit();
	});

	it('opens a 600 KB single-line page and a 100,000-line page, and scrolls them', async () => {
		writeFileSync(join(work, 'huge-line.txt'), 'Một câu dài vô tận với nhiều chữ có dấu. '.repeat(15_000));
		writeFileSync(join(work, 'many-lines.txt'), Array.from({length: 100_000}, (_, i) => `Dòng số ${i} của một trang rất dài.`).join('\n'));
		for (const name of ['huge-line.txt', 'many-lines.txt']) {
			const session = start([join(work, name)], {cols: 80, rows: 24});
			await session.waitFor(POSITION, 10_000);
			session.write('G');
			await session.waitFor(/–(\d+)\/\1 /);
			session.write('g');
			await session.waitFor(/ 1–\d+\//);
			session.write('q');
			expect((await session.waitForExit()).exitCode).toBe(0);
		}
	});

	it('survives a 1×1 terminal and a burst of resizes, and ends at the last size with its layout in place', async () => {
		const session = start([seedPath], {cols: 1, rows: 1});
		await new Promise((resolve) => setTimeout(resolve, 600));
		const sizes = Array.from({length: 30}, (_, i) => [20 + ((i * 37) % 120), 5 + ((i * 11) % 40)] as const);
		for (const [cols, rows] of sizes) session.resize(cols, rows);
		session.resize(100, 30);
		await session.waitFor(() => POSITION.test(session.screen()[28] ?? ''));
		expect(session.text()).toContain('Related stories');
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
		expect(session.alternate).toBe(false);
	});

});


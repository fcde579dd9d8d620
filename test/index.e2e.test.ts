// The reader on a generated 20,000-page dataset: it is indexed on first opening (with progress),
// opened at once the second time, searched by its text from the list, and a result opened.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sessionStarter} from './helpers/terminal';

const PAGES = 20_000;
// On a loaded two-core machine a step can take seconds: the waits are generous, the checks exact.
const STEP_MS = 30_000;
const WORDS = ['lúa', 'gạo', 'sông', 'mưa', 'đường', 'chợ', 'trường', 'cầu', 'nhà', 'biển', 'rừng', 'núi'];

let work: string;
let dataset: string;
const {start, killAll} = sessionStarter();

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-index-e2e-'));
	dataset = join(work, 'news');
	mkdirSync(dataset);
	for (let i = 0; i < PAGES; i++) {
		const words = Array.from({length: 24}, (_, k) => WORDS[(i * 7 + k * 5) % WORDS.length]).join(' ');
		// One page, and only one, tells of the giant durian.
		const special = i === 12_345 ? ' Quả sầu riêng khổng lồ được bán đấu giá.' : '';
		const day = String((i % 28) + 1).padStart(2, '0');
		writeFileSync(join(dataset, `tin-${i}.txt`), `Tin số ${i} về ${WORDS[i % WORDS.length]}\n\nThứ Hai ${day}/07/2018 , 08:00 (GMT+7)\n\nBài viết kể về ${words}.${special}\n`);
	}
	// Twenty thousand files take a while on a busy disk.
}, 120_000);

afterAll(() => {
	killAll();
	rmSync(work, {recursive: true, force: true});
});

describe('the reader on an indexed dataset', () => {
	it('searches every article’s text from the list and opens a result with the search on it', async () => {
		const env = {XDG_CACHE_HOME: join(work, 'cache')};
		const first = start([dataset], {cols: 100, rows: 30, env});
		await first.waitFor(`${PAGES.toLocaleString('en')} articles`, 90_000);
		first.write('q');
		await first.waitForExit(STEP_MS);

		const session = start([dataset], {cols: 100, rows: 30, env});
		await session.waitFor(`${PAGES.toLocaleString('en')} articles`, 30_000);
		expect(session.text()).toMatch(new RegExp(`1/${PAGES}`));
		session.write('G');
		await session.waitFor(new RegExp(`${PAGES}/${PAGES}`), STEP_MS);
		session.write('g');
		session.write('/');
		session.write('sau rieng khong lo');
		await session.waitFor('/sau rieng khong lo', STEP_MS);
		session.write('\r');
		await session.waitFor('search “sau rieng khong lo”: 1 result', STEP_MS);
		expect(session.text()).toContain('Tin số 12345');
		expect(session.text()).toContain('sầu riêng khổng lồ');
		session.write('\r');
		await session.waitFor(/“(?:sau|rieng|khong|lo)” 1\/1/, STEP_MS);
		expect(session.text()).toContain('Quả sầu riêng khổng lồ được bán đấu giá.');
		// Esc clears the search on the article first (as a filter on the list is cleared first), then goes back.
		session.write('\u001b');
		await session.waitFor((text) => !/“(?:sau|rieng|khong|lo)” 1\/1/.test(text), STEP_MS);
		session.write('\u001b');
		await session.waitFor('search “sau rieng khong lo”', STEP_MS);
		session.write('\u001b');
		await session.waitFor(`${PAGES.toLocaleString('en')} articles`, STEP_MS);
		session.write('q');
		expect((await session.waitForExit(STEP_MS)).exitCode).toBe(0);
	}, 240_000);
});

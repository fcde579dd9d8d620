import {describe, expect, it} from 'vitest';
import {TerminalSession} from './helpers/terminal';

const SEED_ID = '000_70534d3c3e278d1a';
const ESC = '\u001b[';

describe('show on a terminal', () => {
	it('colours the output and wraps it to the terminal width', async () => {
		const session = new TerminalSession(['show', SEED_ID], {cols: 60, rows: 200});
		expect((await session.waitForExit()).exitCode).toBe(0);
		expect(session.raw()).toContain(ESC + '1m');
		expect(session.screen().every((row) => row.length <= 60)).toBe(true);
		expect(session.text()).toContain('Quảng Nam ứng dụng công nghệ thông tin trong cơ quan');
	});

	it.each([[['--no-color'], {}], [[], {NO_COLOR: '1'}]])('writes no colour with %j %j', async (flags, env) => {
		const session = new TerminalSession(['show', SEED_ID, ...flags], {cols: 60, rows: 200, env});
		expect((await session.waitForExit()).exitCode).toBe(0);
		expect(session.raw()).not.toContain(ESC + '1m');
		expect(session.text()).toContain('Quảng Nam');
	});
});

import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {App} from '../source/ui/components/app';
import {defaultBindings} from '../source/ui/keymap';
import {english} from '../source/ui/messages';
import {reducer, type State} from '../source/ui/state';
import {press, readyState} from './helpers/reader';
import chalk from 'chalk';

// Ink colours through chalk, which finds no terminal under the test runner; styles are asserted here.
chalk.level = 1;

const ANSI = /\u001b\[[0-9;]*m/g;

function frame(state: State): string[] {
	const {lastFrame, unmount} = render(<App state={state} />);
	const text = (lastFrame() ?? '').replace(ANSI, '');
	unmount();
	return text.split('\n');
}

// ink-testing-library draws at 100 columns, so the states below are sized to match.
const at = (rows: number) => readyState(100, rows);

describe('the rendered frame', () => {
	it('shows the list with dates and titles, the selection and a status line', () => {
		const lines = frame(at(20));
		expect(lines[0]).toContain('3 articles');
		// The date, the bookmark column (empty), the title.
		expect(lines[1]).toMatch(/^2018-07-30 {3}Giá cam sành giảm mạnh/);
		expect(lines[3]).toMatch(/^ {13}Một bài không có ngày đăng/);
		expect(lines.at(-1)).toMatch(/1\/3/);
	});

	it('shows the article with its sidebar and comment pane, one row shorter than the terminal', () => {
		const lines = frame(press(at(30), 'j', {return: true}));
		expect(lines).toHaveLength(29);
		const text = lines.join('\n');
		expect(lines[0]).toMatch(/^Phó Thủ tướng Thường trực Chính phủ Trương Hoà Bình/);
		expect(lines[1]).toContain('Quảng Nam ứng dụng công nghệ thông tin');
		expect(text).toContain('Related stories (4)');
		expect(text).toContain('● [ĐBSCL] Giá cam sành');
		expect(text).toContain('Comments (1)');
		expect(text).toContain('Minh Khang (0967.292.160)');
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(100);
	});

	it('marks search matches in reverse video', () => {
		const state = press(at(30), 'j', {return: true}, '/', 'quảng nam', {return: true});
		const {lastFrame, unmount} = render(<App state={state} />);
		const raw = lastFrame() ?? '';
		unmount();
		expect(raw).toMatch(/\u001b\[7mQuảng Nam\u001b\[27m/);
	});

	it('fits a 12-row terminal: no line past the width, no more rows than the terminal', () => {
		for (const state of [at(12), press(at(12), 'j', {return: true}), press(at(12), 'j', {return: true}, {tab: true}), press(at(12), '?')]) {
			const lines = frame(state);
			expect(lines.length).toBeLessThanOrEqual(11);
			for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(100);
		}
	});

	it('draws the help from the key map: every command’s description is on it, scrolled through', () => {
		let state = press(at(40), '?');
		const seen: string[] = [];
		for (let i = 0; i < 200 && state.help; i++) {
			seen.push(...frame(state).slice(1, -1));
			const next = press(state, 'j');
			if (next.helpTop === state.helpTop) break;
			state = next;
		}
		const text = seen.join(' ').replace(/\s+/g, ' ');
		for (const binding of defaultBindings) expect(text).toContain(english.commands[binding.command].split(' ').slice(0, 3).join(' '));
	});

	it('shows progress while the dataset is read', () => {
		const state = reducer({...at(20), loading: {done: 0, total: 0}}, {type: 'progress', done: 120, total: 5000});
		expect(frame(state).join('\n')).toContain('120 of 5000 pages');
	});
});

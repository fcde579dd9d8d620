import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {ENTER_ALTERNATE_SCREEN, guardTerminal, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR} from '../source/ui/terminal-guard';
import {displayText} from '../source/text/display';

function setUp() {
	const written: string[] = [];
	const errors: string[] = [];
	const rawModes: boolean[] = [];
	const exits: number[] = [];
	let stopped = 0;
	const fakeProcess = Object.assign(new EventEmitter(), {exit: (code?: number) => void exits.push(code ?? 0)});
	const {restore} = guardTerminal({
		stdout: {write: (text: string) => written.push(text) > 0},
		stderr: {write: (text: string) => errors.push(text) > 0},
		keys: {isTTY: true, setRawMode: (mode: boolean) => (rawModes.push(mode), undefined) as never},
		stopDrawing: () => void stopped++,
		process: fakeProcess as never,
	});
	return {written, errors, rawModes, exits, restore, fakeProcess, stopped: () => stopped};
}

describe('guardTerminal', () => {
	it('enters the alternate screen and raw mode at once', () => {
		const guard = setUp();
		expect(guard.written).toEqual([ENTER_ALTERNATE_SCREEN]);
		expect(guard.rawModes).toEqual([true]);
	});

	it.each([['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const)('on %s stops drawing, restores the terminal and exits %i', (signal, status) => {
		const guard = setUp();
		guard.fakeProcess.emit(signal);
		expect(guard.stopped()).toBe(1);
		expect(guard.written.at(-1)).toBe(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
		expect(guard.rawModes).toEqual([true, false]);
		expect(guard.exits).toEqual([status]);
	});

	it('on an uncaught error restores the terminal first, then reports it on one safe line and exits 1', () => {
		const guard = setUp();
		guard.fakeProcess.emit('uncaughtException', new Error('boom \u001b]0;x\u0007here'));
		expect(guard.written.at(-1)).toBe(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
		expect(guard.errors).toEqual(['docbao: boom here\n']);
		expect(guard.exits).toEqual([1]);
	});

	it('restores once however many ways out are taken', () => {
		const guard = setUp();
		guard.restore();
		guard.fakeProcess.emit('exit');
		guard.fakeProcess.emit('SIGTERM');
		expect(guard.written.filter((text) => text.includes(LEAVE_ALTERNATE_SCREEN))).toHaveLength(1);
	});
});

describe('displayText', () => {
	it('splits emoji sequences that terminals and string-width count differently, and drops soft hyphens', () => {
		expect(displayText('👨‍👩‍👧 👍🏽 ❤️ 1️⃣ 🏳️‍🌈 gạch\u00admềm')).toBe('👨👩👧 👍 ❤ 1 🏳🌈 gạchmềm');
	});

	it('leaves other joiners alone, and text without such sequences as it is', () => {
		expect(displayText('अ\u094d\u200dष')).toBe('अ\u094d\u200dष');
		expect(displayText('Quảng\u200bNam 中文 🇻🇳')).toBe('Quảng\u200bNam 中文 🇻🇳');
	});
});

// The built CLI in a real pseudo-terminal, with a headless xterm holding the screen, so tests read
// what a person would see. The CI variable is removed: Ink draws no interactive frames under it.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import {mkdirSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, projectRoot} from './pages';

export type TerminalOptions = {
	cols?: number;
	rows?: number;
	env?: Record<string, string | undefined>;
	cwd?: string;
	/** A bash command line to run instead of the CLI with `args` (for pipes into the CLI). */
	shell?: string;
};

/** Starts sessions in the project folder and kills whatever is left of them at the end. */
export function sessionStarter(): {start: (args: string[], options?: TerminalOptions) => TerminalSession; killAll: () => void} {
	const sessions: TerminalSession[] = [];
	return {
		start(args, options = {}) {
			const session = new TerminalSession(args, {cwd: projectRoot, ...options});
			sessions.push(session);
			return session;
		},
		killAll() {
			for (const session of sessions) session.kill('SIGKILL');
		},
	};
}

export class TerminalSession {
	readonly term: xterm.Terminal;
	readonly output: string[] = [];
	readonly exited: Promise<{exitCode: number; signal?: number}>;
	private readonly process: pty.IPty;

	constructor(args: string[], {cols = 120, rows = 36, env = {}, cwd, shell}: TerminalOptions = {}) {
		this.term = new xterm.Terminal({cols, rows, allowProposedApi: true});
		// Column widths as today's terminals count them (Unicode 11: emoji two columns wide).
		this.term.loadAddon(new unicode11.Unicode11Addon());
		this.term.unicode.activeVersion = '11';
		const environment: Record<string, string> = {};
		// Each session remembers only its own reading (marks, positions), unless a test hands one over.
		const parent = process.env.XDG_STATE_HOME ?? tmpdir();
		mkdirSync(parent, {recursive: true});
		const state = mkdtempSync(join(parent, 'session-'));
		for (const [key, value] of Object.entries({...process.env, TERM: 'xterm-256color', XDG_STATE_HOME: state, ...env})) {
			// CI only when a test asks for it (to see that the reader draws on a terminal anyway).
			if (value !== undefined && (key !== 'CI' || 'CI' in env)) environment[key] = value;
		}
		const [file, argv] = shell ? ['bash', ['-c', shell]] : [process.execPath, [cliPath, ...args]];
		this.process = pty.spawn(file, argv, {cols, rows, env: environment, cwd, name: 'xterm-256color'});
		this.process.onData((data) => {
			this.output.push(data);
			this.term.write(data);
		});
		this.exited = new Promise((resolve) => this.process.onExit(resolve));
	}

	get pid(): number {
		return this.process.pid;
	}

	/** Whether the terminal shows its alternate screen (where the reader draws). */
	get alternate(): boolean {
		return this.term.buffer.active.type === 'alternate';
	}

	/** The visible screen, one string per row, trailing spaces trimmed. */
	screen(): string[] {
		const buffer = this.term.buffer.active;
		const rows: string[] = [];
		for (let y = 0; y < this.term.rows; y++) rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		return rows;
	}

	text(): string {
		return this.screen().join('\n');
	}

	raw(): string {
		return this.output.join('');
	}

	write(keys: string): void {
		this.process.write(keys);
	}

	resize(cols: number, rows: number): void {
		this.term.resize(cols, rows);
		this.process.resize(cols, rows);
	}

	kill(signal = 'SIGTERM'): void {
		this.process.kill(signal);
	}

	/** Waits until the screen satisfies the check (a string it must contain, or a predicate). */
	async waitFor(check: string | RegExp | ((text: string) => boolean), timeout = 5000): Promise<void> {
		const test = typeof check === 'string' ? (t: string) => t.includes(check) : check instanceof RegExp ? (t: string) => check.test(t) : check;
		const started = Date.now();
		for (;;) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			await new Promise<void>((resolve) => this.term.write('', resolve));
			if (test(this.text())) return;
			if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(check)}; screen:\n${this.text()}`);
		}
	}

	/** Waits for the process to end, and for its last output to reach the screen. */
	async waitForExit(timeout = 5000): Promise<{exitCode: number; signal?: number}> {
		const result = await Promise.race([
			this.exited,
			new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running; screen:\n${this.text()}`)), timeout)),
		]);
		await new Promise<void>((resolve) => this.term.write('', resolve));
		return result;
	}
}

// The reader one keeps open every day, met in a pseudo-terminal: marks and bookmarks that outlive
// the process (and a kill -9 in the middle of a write), the place reading stopped, colour off
// without losing the selection, the help at 40×12, the mouse and the terminal restored after it,
// the web address opened by a browser command that is not a shell, a clipboard only when allowed,
// a configuration with a mistake, and a reader that draws even where CI is set.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {marksFromJson} from '../source/state/marks';
import {cliPath, projectRoot, seedPath} from './helpers/pages';
import {sessionStarter} from './helpers/terminal';
import {runCli} from './helpers/cli';

const ENTER = '\r';
const {start, killAll} = sessionStarter();
let work: string;
let dataset: string;

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-life-'));
	dataset = join(work, 'news');
	mkdirSync(dataset);
	writeFileSync(join(dataset, 'seed.txt'), `# url = https://nongnghiep.vn/quang-nam.html\n${readFileSync(seedPath, 'utf8')}`);
	writeFileSync(join(dataset, 'cam.txt'), 'Giá cam sành giảm mạnh, nông dân thất thu\n\nThứ Hai 30/07/2018 , 08:00 (GMT+7)\n\nGiá cam giảm sâu.\n');
	writeFileSync(join(dataset, 'khac.txt'), 'Một bài khác không có ngày đăng\n\nNội dung ngắn.\n');
});

afterAll(() => {
	killAll();
	rmSync(work, {recursive: true, force: true});
});

/** Folders for one person's state and configuration, kept across the sessions of a test. */
function home(name: string): {XDG_STATE_HOME: string; XDG_CONFIG_HOME: string} {
	const state = join(work, name, 'state');
	const config = join(work, name, 'config');
	mkdirSync(state, {recursive: true});
	mkdirSync(join(config, 'docbao'), {recursive: true});
	return {XDG_STATE_HOME: state, XDG_CONFIG_HOME: config};
}

const stateFiles = (env: {XDG_STATE_HOME: string}) => readdirSync(join(env.XDG_STATE_HOME, 'docbao', 'datasets')).filter((name) => name.endsWith('.json'));

describe('what the reader remembers', () => {
	it('keeps read marks, bookmarks, the last article and the place reading stopped across runs', async () => {
		const env = home('remember');
		let session = start([dataset], {env, cols: 100, rows: 30});
		// The status line may come a write after the list: it is waited for, as the list is.
		await session.waitFor('3 articles');
		await session.waitFor('3 unread');
		// The seed is the second row: open it, bookmark it, read down a little, quit.
		session.write('j' + ENTER);
		await session.waitFor(/ 1–\d+\/\d+ /);
		session.write('m');
		await session.waitFor('bookmarked');
		session.write('dd');
		await session.waitFor((text) => !/ 1–\d+\/\d+ /.test(text) && / \d+–\d+\/\d+ /.test(text));
		const place = / (\d+)–\d+\/\d+ /.exec(session.text())![1];
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);

		session = start([dataset], {env, cols: 100, rows: 30});
		await session.waitFor('2 unread');
		const rows = session.screen();
		const seedRow = rows.findIndex((row) => row.includes('Quảng Nam ứng dụng'));
		// Bookmarked (*), read (not bold), and selected as the last article read (reverse video).
		expect(rows[seedRow]).toMatch(/^2018-07-29 \* Quảng Nam/);
		const cell = session.term.buffer.active.getLine(seedRow)!.getCell(14)!;
		expect(cell.isBold()).toBe(0);
		expect(cell.isInverse()).toBeTruthy();
		const unreadRow = rows.findIndex((row) => row.includes('Giá cam sành'));
		expect(session.term.buffer.active.getLine(unreadRow)!.getCell(14)!.isBold()).toBeTruthy();
		session.write(ENTER);
		await session.waitFor(` ${place}–`);
		session.write('q');
		await session.waitForExit();
		expect(runCli(['list', dataset, '--bookmarked'], {env}).stdout).toMatch(/^seed\t2018-07-29[^\n]*\n$/);
		// Search among the bookmarks: the seed holds "Quảng Nam", the other pages do not; "cam" is on another page only.
		expect(runCli(['search', 'quang nam', dataset, '--bookmarked'], {env}).stdout).toMatch(/^seed\t/);
		expect(runCli(['search', 'cam', dataset], {env}).stdout).toMatch(/^cam\t/m);
		expect(runCli(['search', 'cam sanh', dataset, '--bookmarked'], {env}).stdout).not.toMatch(/^cam\t/m);
	});

	it('keeps the place in an article when the terminal closes (SIGHUP) or the reader is told to stop (SIGTERM)', async () => {
		for (const signal of ['SIGHUP', 'SIGTERM']) {
			const env = home(`signal-${signal}`);
			let session = start([dataset], {env, cols: 100, rows: 30});
			await session.waitFor('3 articles');
			session.write('j' + ENTER);
			await session.waitFor(/ 1–\d+\/\d+ /);
			session.write('dd');
			await session.waitFor((text) => !/ 1–\d+\/\d+ /.test(text) && / \d+–\d+\/\d+ /.test(text));
			const place = / (\d+)–\d+\/\d+ /.exec(session.text())![1];
			session.kill(signal);
			await session.waitForExit();
			session = start([dataset], {env, cols: 100, rows: 30});
			await session.waitFor('2 unread');
			session.write(ENTER);
			await session.waitFor(` ${place}–`);
			session.write('q');
			await session.waitForExit();
		}
	});

	it('keeps earlier marks readable and whole when the reader is killed with -9 while writing, again and again', async () => {
		const env = home('killed');
		let session = start([dataset], {env});
		await session.waitFor('3 articles');
		// First, one bookmark saved cleanly: the seed's.
		session.write('j' + ENTER);
		await session.waitFor(/ 1–\d+\/\d+ /);
		session.write('mq');
		await session.waitForExit();
		for (let round = 0; round < 12; round++) {
			session = start([dataset], {env});
			await session.waitFor('articles');
			// Marks on the other two rows, toggled over and over while saves come and go.
			for (let i = 0; i < 6; i++) {
				session.write('gmr' + 'jjmr');
				await new Promise((resolve) => setTimeout(resolve, 60 + ((round * 37 + i * 11) % 90)));
			}
			session.kill('SIGKILL');
			await session.waitForExit();
			for (const name of stateFiles(env)) {
				const marks = marksFromJson(readFileSync(join(env.XDG_STATE_HOME, 'docbao', 'datasets', name), 'utf8'));
				expect(marks.bookmarks.get('seed')?.[0]).toBe(true);
			}
		}
	}, 60_000);
	it('remembers a hidden comment pane across articles and runs', async () => {
		const env = home('comments');
		let session = start([join(dataset, 'seed.txt')], {env});
		await session.waitFor('Comments (1)');
		session.write('c');
		await session.waitFor((text) => !text.includes('Comments (1)'));
		session.write('q');
		await session.waitForExit();
		session = start([join(dataset, 'seed.txt')], {env});
		await session.waitFor('nongnghiep.vn');
		expect(session.text()).not.toContain('Comments (1)');
		session.write('c');
		await session.waitFor('Comments (1)');
		session.write('q');
		await session.waitForExit();
	});

	it('reads on, with one notice, when what was read cannot be saved', async () => {
		const env = home('unwritable');
		// A file where the state folder should be: nothing can be written under it.
		writeFileSync(join(env.XDG_STATE_HOME, 'docbao'), '');
		const session = start([dataset], {env});
		await session.waitFor('3 articles');
		session.write('j' + ENTER);
		await session.waitFor('could not be saved', 3000);
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
		expect(session.raw()).toMatch(/warning: cannot save what was read/);
	});

	it('opens the configured default dataset when no PATH is given', () => {
		const env = home('default');
		writeFileSync(join(env.XDG_CONFIG_HOME, 'docbao', 'config.toml'), `[general]\ndataset = ${JSON.stringify(dataset)}\n`);
		const ids = runCli(['list'], {env}).stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);
		expect(ids.sort()).toEqual(['cam', 'khac', 'seed']);
	});
});

describe('colour, help and the terminal', () => {
	it('marks the selection in reverse video with --no-color, and NO_COLOR=1 sends no colour at all', async () => {
		for (const [args, env] of [[['--no-color'], {}], [[], {NO_COLOR: '1'}]] as const) {
			const session = start([dataset, ...args], {env});
			await session.waitFor('3 articles');
			session.write('j');
			await session.waitFor(' 2/3');
			const row = session.screen().findIndex((line) => line.includes('Quảng Nam'));
			expect(session.term.buffer.active.getLine(row)!.getCell(14)!.isInverse()).toBeTruthy();
			session.write(ENTER);
			await session.waitFor('nongnghiep.vn');
			session.write('q');
			await session.waitForExit();
			// No foreground or background colour in any SGR sequence (bold, dim, reverse are fine).
			const colours = [...session.raw().matchAll(/\u001b\[([0-9;]*)m/g)].flatMap((match) => match[1]!.split(';')).filter((code) => /^(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(code));
			expect(colours).toEqual([]);
		}
	});

	it('wraps the help at 40×12 and scrolls it to its end', async () => {
		const session = start([dataset], {cols: 40, rows: 12});
		await session.waitFor(' 1/3');
		session.write('?');
		await session.waitFor('Keys');
		// Nothing of the help is cut (the status line below it may be).
		expect(session.screen().slice(0, 10).join('\n')).not.toContain('…');
		session.write('G');
		await session.waitFor((text) => /quit/.test(text) && / (\d+) of \1 /.test(text.replace(/\d+–/, '')));
		session.write('q');
		await session.waitFor(' 1/3');
		session.write('q');
		await session.waitForExit();
	});

	it('scrolls with the wheel and opens with a click, and turns the mouse off on q, Ctrl+C and SIGTERM', async () => {
		for (const leave of ['q', '\u0003', 'SIGTERM']) {
			const session = start([dataset]);
			await session.waitFor('3 articles');
			expect(session.raw()).toContain('\u001b[?1000h');
			session.write('\u001b[<65;5;5M');
			await session.waitFor(' 2/3');
			// A click on the third row of the list (row 4 of the screen, counted from 1).
			session.write('\u001b[<0;10;4M\u001b[<0;10;4m');
			await session.waitFor('Một bài khác');
			if (leave === 'SIGTERM') session.kill('SIGTERM');
			else session.write(leave);
			await session.waitForExit();
			const raw = session.raw();
			expect(raw.lastIndexOf('\u001b[?1000l')).toBeGreaterThan(raw.lastIndexOf('\u001b[?1000h'));
			expect(session.alternate).toBe(false);
		}
	});

	it('leaves the mouse to the terminal with --no-mouse', async () => {
		const session = start([dataset, '--no-mouse']);
		await session.waitFor('3 articles');
		session.write('q');
		await session.waitForExit();
		expect(session.raw()).not.toContain('\u001b[?1000h');
	});

	it('draws on a terminal even where CI is set', async () => {
		const session = start([dataset], {env: {CI: 'true'}});
		await session.waitFor('3 articles');
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});
});

describe('links and the configuration', () => {
	it('opens the web address with the browser command, given as one argument and never through a shell', async () => {
		const bin = join(work, 'bin');
		mkdirSync(bin, {recursive: true});
		const log = join(work, 'opened.txt');
		writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$#" "$1" > '${log}'\n`);
		chmodSync(join(bin, 'xdg-open'), 0o755);
		const session = start([join(dataset, 'seed.txt')], {env: {PATH: `${bin}:${process.env.PATH}`}});
		await session.waitFor('nongnghiep.vn/quang-nam.html');
		session.write('o');
		await session.waitFor('opening https://nongnghiep.vn/quang-nam.html');
		for (let i = 0; i < 100; i++) {
			try {
				if (readFileSync(log, 'utf8')) break;
			} catch {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		}
		expect(readFileSync(log, 'utf8')).toBe('1\nhttps://nongnghiep.vn/quang-nam.html\n');
		session.write('y');
		await session.waitFor('copying is off');
		session.write('q');
		await session.waitForExit();
		expect(session.raw()).not.toContain('\u001b]52;');
	});

	it('copies with OSC 52 when allowed, remaps keys, speaks Vietnamese, and links with OSC 8 where asked', async () => {
		const env = home('configured');
		writeFileSync(join(env.XDG_CONFIG_HOME, 'docbao', 'config.toml'), '[general]\nlanguage = "vi"\n[reader]\nclipboard = true\nhyperlinks = "always"\n[keys]\nquit = "x"\n');
		const session = start([join(dataset, 'seed.txt')], {env});
		await session.waitFor('thoát');
		expect(session.raw()).toContain('\u001b]8;;https://nongnghiep.vn/quang-nam.html\u0007');
		session.write('y');
		await session.waitFor('đã chép');
		expect(session.raw()).toContain(`\u001b]52;c;${Buffer.from('https://nongnghiep.vn/quang-nam.html').toString('base64')}\u0007`);
		session.write('q');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(session.alternate).toBe(true);
		session.write('x');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});

	it('makes the words of an HTML page’s links terminal hyperlinks where asked', async () => {
		const env = home('html-links');
		writeFileSync(join(env.XDG_CONFIG_HOME, 'docbao', 'config.toml'), '[reader]\nhyperlinks = "always"\n');
		const page = join(work, 'linked.html');
		writeFileSync(page, `<html><head><title>Linked</title><link rel="canonical" href="https://town.example/news/linked"></head><body><article><p>${'The council met again. '.repeat(12)}It voted to <a href="/bridge">repair the bridge</a> today.</p></article></body></html>`);
		const session = start([page], {env});
		await session.waitFor('repair the bridge');
		expect(session.raw()).toContain('\u001b]8;;https://town.example/bridge\u0007repair the bridge\u001b]8;;\u0007');
		session.write('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});

	it('runs on the defaults with a configuration that has a mistake, and names its file, line and key', async () => {
		const env = home('mistaken');
		const file = join(env.XDG_CONFIG_HOME, 'docbao', 'config.toml');
		writeFileSync(file, '[reader]\nmouse = true\ntheme = "neon"\n');
		const session = start([dataset], {env});
		await session.waitFor('configuration has a mistake');
		session.write('q');
		await session.waitForExit();
		expect(session.raw()).toContain(`${file}:3: reader.theme: must be one of "dark", "light", "mono"; running on the defaults`);
		const check = runCli(['config'], {env});
		expect(check.status).toBe(1);
		expect(check.stderr).toContain(`${file}:3: reader.theme`);
		expect(runCli(['config', '--path'], {env}).stdout).toBe(`${file}\n`);
		writeFileSync(file, runCli(['config', '--default'], {env}).stdout);
		expect(runCli(['config'], {env}).status).toBe(0);
	});
});

describe('the command line around the reader', () => {
	it('gives a docbao command through npm install -g (as npm link does), and npm start builds only when the sources changed', () => {
		const prefix = join(work, 'prefix');
		const install = spawnSync('npm', ['install', '-g', '.', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts'], {cwd: projectRoot, encoding: 'utf8'});
		expect(install.status, install.stderr).toBe(0);
		const version = spawnSync(join(prefix, 'bin', 'docbao'), ['--version'], {encoding: 'utf8'});
		expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version);
		const built = statSync(cliPath).mtimeMs;
		const again = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build-if-stale.mjs')], {encoding: 'utf8'});
		expect(again.status).toBe(0);
		expect(statSync(cliPath).mtimeMs).toBe(built);
	});

	it('says in one line that a flag was given twice, and checks keys as the reader does', () => {
		const twice = runCli(['list', dataset, '--color=never', '--color=always']);
		expect(twice.status).toBe(2);
		expect(twice.stderr).toBe('docbao: the flag --color can only be set once. (docbao --help tells more)\n');
		const env = home('keys-checked');
		expect(runCli(['list', dataset, '--bookmarked'], {env}).stdout).toBe('');
		const file = join(env.XDG_CONFIG_HOME, 'docbao', 'config.toml');
		writeFileSync(file, '[keys]\nquit = ["x"]\nlineDown = ["x"]\nflyAway = "f"\n');
		const check = runCli(['config'], {env});
		expect(check.status).toBe(1);
		expect(check.stderr).toContain(`${file}:3: keys.lineDown: x is given to quit too`);
		expect(check.stderr).toContain(`${file}:4: keys.flyAway: not a command`);
		writeFileSync(file, '[readr]\ntheme = "dark"\n');
		expect(runCli(['config'], {env}).stderr).toContain(`${file}:1: readr: not a table`);
	});

	it('exits 1 for a missing path, lists web addresses in JSON, and says in --help which files it reads', () => {
		for (const args of [['/no/such'], ['list', '/no/such'], ['show', '/no/such.txt']]) expect(runCli(args).status).toBe(1);
		const json = runCli(['list', dataset, '--json']).stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as {id: string; url: string | null});
		expect(json.find((item) => item.id === 'seed')!.url).toBe('https://nongnghiep.vn/quang-nam.html');
		expect(json.find((item) => item.id === 'cam')!.url).toBeNull();
		const help = runCli(['--help']).stdout;
		expect(help).toMatch(/\*\.jsonl/);
		expect(help).not.toMatch(/folder of \*\.txt pages/);
	});
});

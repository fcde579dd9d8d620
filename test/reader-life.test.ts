// What makes the reader one to live in, tested without a terminal: the marks and their file
// (atomic, merged between two readers, a damaged file kept aside), the configuration and each of
// its errors, the themes and the colour decision, the key table's overrides, and the reducer's
// new commands (read, bookmarks, mark all, links, mouse, help scrolling, Esc in a search).
import {describe, expect, it} from 'vitest';
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as toml from 'smol-toml';
import {checkConfig, defaultConfigText, lineOfKey} from '../source/config/config';
import {colorMode, useColor} from '../source/config/color';
import {themeFor} from '../source/config/theme';
import {emptyMarks, isSet, marksFromJson, marksToJson, mergeMarks, setFlag} from '../source/state/marks';
import {openMarkStore} from '../source/state/store';
import {bindKeys, commandFor, defaultBindings} from '../source/ui/keymap';
import {english, messagesFor, vietnamese} from '../source/ui/messages';
import {articleView, currentPlace, defaultSetup, helpView, isRead, unreadCount, visibleCount} from '../source/ui/model';
import {reducer} from '../source/ui/state';
import {statusText} from '../source/ui/status';
import {linkTarget, hyperlink} from '../source/text/hyperlink';
import {mouseEvents} from '../source/ui/mouse';
import {press, readyState, SEED_ID} from './helpers/reader';

const folder = () => mkdtempSync(join(tmpdir(), 'docbao-marks-'));

describe('marks and their file', () => {
	it('round-trips through JSON, ids such as __proto__ included, and merges mark by mark, the newer winning', () => {
		let a = emptyMarks();
		a = {...a, read: setFlag(a.read, ['x', '__proto__'], true, 10), last: ['x', 10]};
		let b = emptyMarks();
		b = {...b, read: setFlag(b.read, ['x'], false, 20), bookmarks: setFlag(b.bookmarks, ['y'], true, 5)};
		const merged = mergeMarks(a, b);
		expect(isSet(merged.read, 'x')).toBe(false);
		expect(isSet(merged.read, '__proto__')).toBe(true);
		expect(isSet(merged.bookmarks, 'y')).toBe(true);
		expect(merged.last).toEqual(['x', 10]);
		const again = marksFromJson(marksToJson(merged));
		expect([...again.read]).toEqual([...merged.read]);
		expect(() => marksFromJson('{"version": 2}')).toThrow();
	});

	it('keeps both readers’ marks when two save one after the other from old copies', () => {
		const file = join(folder(), 'd.json');
		const one = openMarkStore(file, () => {});
		const two = openMarkStore(file, () => {});
		const startOne = one.load();
		const startTwo = two.load();
		one.save({...startOne, read: setFlag(startOne.read, ['a'], true, 1)});
		two.save({...startTwo, read: setFlag(startTwo.read, ['b'], true, 2)});
		const final = one.load();
		expect(isSet(final.read, 'a') && isSet(final.read, 'b')).toBe(true);
		// No temporary file or lock is left behind.
		expect(readdirSync(join(file, '..')).sort()).toEqual(['d.json']);
	});

	it('moves a damaged file aside with a warning, and starts a new one', () => {
		const dir = folder();
		const file = join(dir, 'd.json');
		writeFileSync(file, '{"version": 1, "read": {"a": [tr');
		const warnings: string[] = [];
		const store = openMarkStore(file, (message) => warnings.push(message));
		expect(store.load().read.size).toBe(0);
		expect(warnings[0]).toMatch(/could not be read.*moved to .*damaged/);
		expect(readdirSync(dir).some((name) => name.startsWith('d.json.damaged-'))).toBe(true);
		store.save({...emptyMarks(), read: setFlag(new Map(), ['c'], true, 1)});
		expect(isSet(openMarkStore(file, () => {}).load().read, 'c')).toBe(true);
	});

	it('takes over a lock left by a process that is gone', () => {
		const file = join(folder(), 'd.json');
		writeFileSync(`${file}.lock`, '999999999');
		openMarkStore(file, () => {}).save({...emptyMarks(), read: setFlag(new Map(), ['a'], true, 1)});
		expect(existsSync(`${file}.lock`)).toBe(false);
		expect(isSet(openMarkStore(file, () => {}).load().read, 'a')).toBe(true);
	});
});

describe('the configuration', () => {
	const check = (text: string) => checkConfig(text, toml);

	it('reads every setting', () => {
		const {config, problems} = check('[general]\ndataset = "~/news"\nwidth = 72\nlanguage = "vi"\n[reader]\ntheme = "mono"\nmouse = false\nhyperlinks = "never"\nclipboard = true\n[keys]\nquit = ["x", "Ctrl+Q"]\n');
		expect(problems).toEqual([]);
		expect(config).toMatchObject({dataset: '~/news', width: 72, language: 'vi', theme: 'mono', mouse: false, hyperlinks: 'never', clipboard: true, keys: {quit: ['x', 'Ctrl+Q']}});
	});

	it.each([
		['[reader]\ntheme = "dark"\ntheme = "light"\n', 3, undefined],
		['[reader]\n\ntheme = "neon"\n', 3, 'reader.theme'],
		['[reader]\nmouse = "yes"\n', 2, 'reader.mouse'],
		['[general]\nwidht = 80\n', 2, 'general.widht'],
		['[colours]\nx = 1\n', 1, 'colours'],
		['[keys]\nquit = 7\n', 2, 'keys.quit'],
		['[general]\nwidth = -3\n', 2, 'general.width'],
	])('names the line and key of a mistake, and falls back to the defaults: %j', (text, line, key) => {
		const {config, problems} = check(text);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.line).toBe(line);
		expect(problems[0]!.key).toBe(key);
		expect(config.theme).toBe('dark');
	});

	it('writes a commented default that is itself a sound configuration, with every command', () => {
		const commands = defaultBindings.map((binding) => ({command: binding.command, keys: binding.keys.map((spec) => spec.label), description: english.commands[binding.command]}));
		const text = defaultConfigText(commands);
		expect(check(text).problems).toEqual([]);
		for (const binding of defaultBindings) expect(text).toContain(`# ${binding.command} = [`);
		// Uncommented, every key line is still sound.
		expect(check(text.replace(/^# (\w+ = \[)/gm, '$1').replace(/^# (theme|mouse|hyperlinks|clipboard|dataset|width|language) =/gm, '$1 =')).problems).toEqual([]);
		expect(lineOfKey('[a]\nx = 1\n[b]\nx = 2\n', 'b', 'x')).toBe(4);
	});

	it('lets keys be remapped; a key taken by another command leaves it, and unknown keys or commands are problems', () => {
		const {bindings, problems} = bindKeys({toggleRead: ['N'], quit: ['x', 'Ctrl+Q']});
		expect(problems).toEqual([]);
		expect(commandFor(bindings, 'N', {})).toBe('toggleRead');
		expect(commandFor(bindings, 'q', {ctrl: true})).toBe('quit');
		expect(commandFor(bindings, 'q', {})).toBeUndefined();
		// N was the previous match's: it now has none of its own but the default ones not taken.
		expect(bindings.find((binding) => binding.command === 'previousMatch')!.keys).toEqual([]);
		expect(bindKeys({fly: ['f']}).problems[0]!.message).toMatch(/not a command/);
		expect(bindKeys({quit: ['Hyper+Z']}).problems[0]!.message).toMatch(/not a key/);
	});
});

describe('colour and themes', () => {
	const tty = {isTTY: true};
	it.each([
		['auto', {}, true],
		['auto', {NO_COLOR: '1'}, false],
		['auto', {NO_COLOR: ''}, true],
		['auto', {TERM: 'dumb'}, false],
		['auto', {FORCE_COLOR: '1', NO_COLOR: '1'}, true],
		['auto', {FORCE_COLOR: '0'}, false],
		['never', {FORCE_COLOR: '1'}, false],
		['always', {NO_COLOR: '1'}, true],
	] as const)('--color=%s with %j: %s', (mode, env, expected) => {
		expect(useColor(mode, {env, ...tty})).toBe(expected);
	});

	it('reads --color, --no-color and --color=WHEN; without a terminal auto is off', () => {
		expect([undefined, '', false, 'never', 'bogus'].map((value) => colorMode(value))).toEqual(['auto', 'always', 'never', 'never', undefined]);
		expect(useColor('auto', {env: {}, isTTY: false})).toBe(false);
	});

	it('draws without colour as mono, which still marks matches and the focus', () => {
		const mono = themeFor('dark', false);
		expect(mono.name).toBe('mono');
		const styles = [...Object.values(mono.lines), mono.accent, mono.match, mono.currentMatch, mono.muted];
		expect(styles.some((style) => style.color || style.backgroundColor)).toBe(false);
		expect(mono.match.inverse).toBe(true);
		expect(themeFor('light', true).lines.kicker.color).toBeDefined();
	});
});

describe('links and the mouse', () => {
	it('links only http(s), with nothing in the address that could end the escape', () => {
		expect(linkTarget('javascript:alert(1)')).toBeUndefined();
		expect(linkTarget('file:///etc/passwd')).toBeUndefined();
		const target = linkTarget('https://example.org/a b\u0007\u001b]8;;x\u0007')!;
		expect(target).not.toMatch(/[\u0000-\u0020\u007f-\uffff]/);
		expect(hyperlink('text', 'https://example.org/')).toBe('\u001b]8;;https://example.org/\u0007text\u001b]8;;\u0007');
	});

	it('reads SGR mouse reports: wheel, left press; releases and drags are not clicks', () => {
		expect(mouseEvents('\u001b[<64;10;5M\u001b[<65;10;5M[<0;3;4M[<0;3;4m[<32;3;4M')).toEqual([
			{button: 'wheelUp', x: 9, y: 4},
			{button: 'wheelDown', x: 9, y: 4},
			{button: 'left', x: 2, y: 3},
		]);
	});
});

describe('the reader’s new commands', () => {
	it('marks an article read when opened, and r, m and A change marks; the list counts the unread', () => {
		let state = readyState();
		expect(unreadCount(state)).toBe(3);
		state = press(state, 'j', {return: true});
		expect(isRead(state, SEED_ID)).toBe(true);
		expect(state.marks.last?.[0]).toBe(SEED_ID);
		state = press(state, 'm', {escape: true});
		expect(isSet(state.marks.bookmarks, SEED_ID)).toBe(true);
		expect(unreadCount(state)).toBe(2);
		expect(statusText(state).left).toContain('2 unread');
		state = press(state, 'r');
		expect(isRead(state, SEED_ID)).toBe(false);
		state = press(state, 'A');
		expect(state.notice).toBe(english.notices.confirmAllRead(3));
		expect(press(state, 'n').marks.read).toBe(state.marks.read);
		state = press(state, 'y');
		expect(unreadCount(state)).toBe(0);
		// The bookmarks view lists the bookmarked one only; B again is the whole list.
		state = press(state, 'B');
		expect(visibleCount(state)).toBe(1);
		expect(press(state, 'B').found).toBeNull();
	});

	it('resumes an article where it was left, and a new one at the top', () => {
		let state = press(readyState(80, 24), 'j', {return: true}, 'd', 'd');
		const top = articleView(state)!.top;
		expect(top).toBeGreaterThan(0);
		state = press(state, {escape: true}, 'k', {return: true});
		expect(articleView(state)!.top).toBe(0);
		state = press(state, {escape: true}, 'j', {return: true});
		expect(articleView(state)!.top).toBe(top);
	});

	it('says so when there are no comments or related stories to show, and Esc ends a search where it began', () => {
		let state = press(readyState(), {return: true});
		expect(press(state, 'c').notice).toBe(english.notices.noComments);
		expect(press(state, 's').notice).toBe(english.notices.noRelated);
		expect(press(state, {tab: true}).notice).toBe(english.notices.noRelated);
		state = press(readyState(80, 24), 'j', {return: true});
		const before = articleView(state)!.top;
		state = press(state, '/', 'Trung tâm');
		expect(articleView(state)!.top).toBeGreaterThan(before);
		state = press(state, {escape: true});
		expect(articleView(state)!.top).toBe(before);
	});

	it('shows the focused pane’s position in the status line', () => {
		let state = press(readyState(), 'j', {return: true});
		expect(statusText(state).left).toMatch(/^ 1–\d+\/\d+ $/);
		state = press(state, {tab: true});
		expect(statusText(state).left).toBe(' story 1/4 ');
		state = press(state, {tab: true});
		expect(statusText(state).left).toMatch(/comments/);
	});

	it('opens and copies only web addresses, copying only when allowed', () => {
		const withUrl = (clipboard: boolean) => {
			const state = press(readyState(), 'j', {return: true});
			const article = state.articles.get(SEED_ID)!;
			return reducer({...state, setup: {...state.setup, clipboard}}, {type: 'article', article: {...article, url: 'https://nongnghiep.vn/bai.html'}});
		};
		expect(press(withUrl(false), 'o').effect).toEqual({kind: 'open', url: 'https://nongnghiep.vn/bai.html'});
		expect(press(withUrl(false), 'y').notice).toBe(english.notices.clipboardOff);
		expect(press(withUrl(true), 'y').effect).toEqual({kind: 'copy', url: 'https://nongnghiep.vn/bai.html'});
		const state = press(readyState(), 'j', {return: true});
		const bad = reducer(state, {type: 'article', article: {...state.articles.get(SEED_ID)!, url: 'javascript:alert(1)'}});
		expect(press(bad, 'o').effect).toBeNull();
		expect(press(bad, 'o').notice).toBe(english.notices.notWebLink);
		expect(press(state, 'o').notice).toBe(english.notices.noLink);
	});

	it('scrolls with the wheel and opens with a click, in the list and the sidebar', () => {
		let state = readyState();
		state = reducer(state, {type: 'mouse', button: 'wheelDown', x: 5, y: 5});
		expect(state.list.selected).toBe(1);
		state = reducer(state, {type: 'mouse', button: 'left', x: 5, y: 2});
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: SEED_ID});
		state = reducer(state, {type: 'mouse', button: 'wheelDown', x: 5, y: 5});
		expect(articleView(state)!.top).toBe(3);
		// The sidebar's first story (in the dataset) sits on the row under its heading, right of the article.
		const left = 120 - Math.max(28, Math.round(120 / 3));
		state = reducer(state, {type: 'mouse', button: 'left', x: left + 3, y: 1});
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: 'cam'});
	});

	it('wraps the help to the width and scrolls it to its end at 40×12', () => {
		let state = press(readyState(40, 12), '?');
		const {lines, height} = helpView(state);
		expect(lines.length).toBeGreaterThan(height);
		expect(lines.every((line) => line.text.length <= 40)).toBe(true);
		state = press(state, 'G');
		expect(helpView(state).top).toBe(lines.length - height);
		expect(state.help).toBe(true);
		expect(press(state, 'x').help).toBe(false);
	});

	it('speaks Vietnamese when LANG says so, in every label of the status line', () => {
		expect(messagesFor(undefined, {LANG: 'vi_VN.UTF-8'})).toBe(vietnamese);
		expect(messagesFor('en', {LANG: 'vi_VN.UTF-8'})).toBe(english);
		const state = readyState();
		const vi = {...state, setup: {...defaultSetup, text: vietnamese}};
		expect(statusText(vi).right).toContain('mở');
		expect(statusText(vi).left).toContain('chưa đọc');
		// Every command has a description in both languages.
		for (const binding of defaultBindings) expect(vietnamese.commands[binding.command]).not.toBe(english.commands[binding.command]);
	});
});

describe('a long title in the reader', () => {
	it('takes three lines at most, cut with “…”, and stands whole at the top of the article', async () => {
		const {articleLayout} = await import('../source/ui/article-layout');
		const {parseArticle} = await import('../source/article/parse');
		const title = 'Một tiêu đề rất dài về mưa lũ kéo dài nhiều ngày ở các tỉnh miền Trung khiến hàng nghìn hộ dân phải sơ tán khẩn cấp đến nơi an toàn trong đêm';
		const article = parseArticle(`${title}\nThứ Hai 30/07/2018 , 08:00 (GMT+7)\nNội dung bài viết về mưa lũ.\n`, {id: 'p', source: 'p.txt'});
		for (const width of [20, 40, 80]) {
			const {lines} = articleLayout(article, width);
			const titleLines = lines.filter((line) => line.style === 'title');
			expect(titleLines.length).toBeLessThanOrEqual(3);
			if (title.length > width * 3) {
				expect(titleLines.at(-1)!.text.endsWith('…')).toBe(true);
				const body = lines.filter((line) => line.style === 'paragraph').map((line) => line.text).join(' ');
				expect(body.startsWith(title)).toBe(true);
			}
		}
	});
});

describe('Esc after a search', () => {
	it('clears a kept search first, then goes back', () => {
		let state = press(readyState(), 'j', {return: true}, '/', 'hanh chinh', {return: true});
		expect(state.search.query).toBe('hanh chinh');
		state = press(state, {escape: true});
		expect(state.search.query).toBe('');
		expect(currentPlace(state).kind).toBe('article');
		expect(currentPlace(press(state, {escape: true})).kind).toBe('list');
	});
});

describe('pane keys in the list', () => {
	it('say that panes belong to an article', () => {
		for (const key of [{tab: true}, 's', 'c'] as const) expect(press(readyState(), key).notice).toBe(english.notices.panesOfArticle);
	});
});

describe('review fixes', () => {
	it('opens an article from the bookmarks, and back from the bookmarks returns to the article they were opened from', () => {
		let state = press(readyState(), 'j', {return: true}, 'm', 'B');
		expect(visibleCount(state)).toBe(1);
		state = press(state, {return: true});
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: SEED_ID});
		state = press(readyState(), 'j', {return: true}, 'B');
		expect(currentPlace(press(state, {escape: true}))).toMatchObject({kind: 'article', id: SEED_ID});
	});

	it('keeps the place left by a click in the sidebar, and counts it at the width it was drawn at', () => {
		let state = press(readyState(), 'j', {return: true}, 'j', 'j', 'j');
		const left = 120 - Math.max(28, Math.round(120 / 3));
		state = reducer(state, {type: 'mouse', button: 'left', x: left + 3, y: 1});
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: 'cam'});
		expect(state.marks.positions.get(SEED_ID)?.slice(0, 2)).toEqual([3, articleView(press(readyState(), 'j', {return: true}))!.layoutWidth]);
	});

	it('takes no setting or key named like one of Object’s', () => {
		for (const text of ['[general]\nhasOwnProperty = 1\n', '[reader]\nconstructor = true\n', '[__proto__]\nx = 1\n']) {
			expect(checkConfig(text, toml).problems, text).toHaveLength(1);
		}
		expect(bindKeys({quit: ['constructor']}).problems).toHaveLength(1);
	});
});

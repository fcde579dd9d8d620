import {describe, expect, it} from 'vitest';
import {articleView, commentView, currentPlace, focusOf, panes, searchMatches, visibleCount, visibleWindow} from '../source/ui/model';
import {arrayList} from '../source/dataset/article-list';
import {initialState, pendingArticle, reducer} from '../source/ui/state';
import {defaultBindings} from '../source/ui/keymap';
import {entriesOf, press, readyState, sampleArticles, SEED_ID} from './helpers/reader';

const openSeed = () => press(readyState(), 'j', {return: true});

describe('the article list', () => {
	it('starts on the list, newest first as loaded, with the first row selected', () => {
		const state = readyState();
		expect(currentPlace(state).kind).toBe('list');
		expect(visibleWindow(state, 0, visibleCount(state)).map((entry) => entry.id)).toEqual(['cam', SEED_ID, 'undated']);
		expect(state.list.selected).toBe(0);
	});

	it('moves the selection with j/k, arrows, g/G and stops at the ends', () => {
		let state = press(readyState(), 'j', 'j', 'j');
		expect(state.list.selected).toBe(2);
		state = press(state, {upArrow: true});
		expect(state.list.selected).toBe(1);
		expect(press(state, 'g').list.selected).toBe(0);
		expect(press(state, 'G').list.selected).toBe(2);
		expect(press(state, 'k', 'k', 'k').list.selected).toBe(0);
	});

	it('handles every key of a chunk such as "jj"', () => {
		expect(press(readyState(), 'jj').list.selected).toBe(2);
	});

	it('filters as you type, ignoring case and diacritics; q is text while typing', () => {
		let state = press(readyState(), '/', 'quang nam');
		expect(visibleWindow(state, 0, visibleCount(state)).map((entry) => entry.id)).toEqual([SEED_ID, 'undated']);
		state = press(state, 'q');
		expect(state.quit).toBe(false);
		expect(state.list.filter).toBe('quang namq');
		state = press(state, {delete: true});
		expect(state.list.filter).toBe('quang nam');
		state = press(state, {escape: true});
		expect(state.list.filter).toBe('');
		expect(visibleCount(state)).toBe(3);
	});

	it('opens the selected match with Enter and comes back to the list with the selection kept', () => {
		let state = press(readyState(), '/', 'không có ngày', {return: true});
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: 'undated'});
		state = press(state, {backspace: true});
		expect(currentPlace(state).kind).toBe('list');
		expect(visibleWindow(state, state.list.selected, state.list.selected + 1)[0]!.id).toBe('undated');
	});

	it('keeps the selection on screen in a short terminal', () => {
		const articles = Array.from({length: 30}, (_, i) => ({...sampleArticles()[0]!, id: `a${i}`, title: `Bài số ${i}`}));
		let state = readyState(40, 12, articles);
		state = press(state, 'G');
		expect(state.list.selected).toBe(29);
		expect(state.list.top).toBeGreaterThan(0);
		expect(state.list.selected - state.list.top).toBeLessThan(12);
	});
});

describe('the article view', () => {
	it('scrolls by line, page, half page and to both ends, never past them', () => {
		let state = openSeed();
		const height = articleView(state)!.height;
		const total = articleView(state)!.layout.lines.length;
		expect(articleView(press(state, 'j', 'j', 'j'))!.top).toBe(3);
		expect(articleView(press(state, ' '))!.top).toBe(height - 1);
		expect(articleView(press(state, 'd'))!.top).toBe(Math.floor(height / 2));
		state = press(state, 'G');
		expect(articleView(state)!.top).toBe(total - height);
		expect(articleView(press(state, 'j'))!.top).toBe(total - height);
		expect(articleView(press(state, 'k'))!.top).toBe(total - height - 1);
		expect(articleView(press(state, {home: true}))!.top).toBe(0);
		expect(articleView(press(state, 'g', 'k'))!.top).toBe(0);
	});

	it('cycles the focus article → related → comments with Tab, back with Shift+Tab', () => {
		let state = openSeed();
		expect(focusOf(state)).toBe('article');
		state = press(state, {tab: true});
		expect(focusOf(state)).toBe('related');
		state = press(state, {tab: true});
		expect(focusOf(state)).toBe('comments');
		state = press(state, {tab: true});
		expect(focusOf(state)).toBe('article');
		expect(focusOf(press(state, {tab: true, shift: true}))).toBe('comments');
	});

	it('opens a related story that is in the dataset, into history, and goes back and forward', () => {
		let state = press(openSeed(), {tab: true}, {return: true});
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: 'cam'});
		state = press(state, 'h');
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: SEED_ID, focus: 'related'});
		state = press(state, 'l');
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: 'cam'});
	});

	it('says so, and stays, for a related story that is not in the dataset', () => {
		const state = press(openSeed(), {tab: true}, 'j', {return: true});
		expect(currentPlace(state)).toMatchObject({id: SEED_ID, related: 1});
		expect(state.notice).toMatch(/not in this dataset/);
	});

	it('scrolls the comment pane when it has the focus', () => {
		const state = press(openSeed(), {tab: true, shift: true}, 'j');
		expect(commentView(state)!.top).toBe(1);
		expect(articleView(state)!.top).toBe(0);
	});

	it('searches the article, ignoring case and diacritics, and steps through the matches', () => {
		let state = press(openSeed(), '/', 'QUANG NAM', {return: true});
		const matches = searchMatches(state).lines;
		expect(matches.length).toBeGreaterThan(3);
		expect(state.search.line).toBe(matches[0]);
		state = press(state, 'n');
		expect(state.search.line).toBe(matches[1]);
		state = press(state, 'N', 'N');
		expect(state.search.line).toBe(matches.at(-1));
		const view = articleView(state)!;
		expect(state.search.line).toBeGreaterThanOrEqual(view.top);
		expect(state.search.line).toBeLessThan(view.top + view.height);
	});

	it('moves through the list with ] and [', () => {
		let state = press(readyState(), {return: true});
		state = press(state, ']');
		expect(currentPlace(state)).toMatchObject({id: SEED_ID});
		state = press(state, ']', ']');
		expect(currentPlace(state)).toMatchObject({id: 'undated'});
		expect(state.notice).toMatch(/last article/);
		state = press(state, '[');
		expect(currentPlace(state)).toMatchObject({id: SEED_ID});
	});

	it('hides and shows the comment pane and the sidebar', () => {
		const state = openSeed();
		expect(panes(state).comments).not.toBeNull();
		expect(panes(press(state, 'c')).comments).toBeNull();
		expect(panes(state).sidebar).not.toBeNull();
		expect(panes(press(state, 's')).sidebar).toBeNull();
	});

	it('shows the sidebar in the article’s place below 100 columns, only when asked', () => {
		let state = press(readyState(80, 24), 'j', {return: true});
		expect(panes(state).sidebar).toBeNull();
		state = press(state, 's');
		expect(panes(state).sidebar).not.toBeNull();
		expect(panes(state).article).toBeNull();
		expect(focusOf(state)).toBe('related');
	});

	it('opens a one-article dataset directly, and asks for the article to be read', () => {
		const [, seed] = sampleArticles();
		const state = reducer(initialState({columns: 100, rows: 30}, 'one'), {type: 'dataset', dataset: arrayList(entriesOf([seed!]))});
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: SEED_ID});
		expect(pendingArticle(state)).toBe(SEED_ID);
		expect(pendingArticle(reducer(state, {type: 'article', article: seed!}))).toBeUndefined();
		expect(press(state, 'h').notice).toMatch(/nothing before/);
	});

	it('keeps the paragraph at the top at the top across a resize', () => {
		let state = press(readyState(120, 36), 'j', {return: true});
		state = press(state, ...Array.from({length: 30}, () => 'j'));
		const before = articleView(state)!;
		const unit = before.layout.unitOfLine[before.top];
		state = reducer(state, {type: 'resize', size: {columns: 60, rows: 20}});
		const after = articleView(state)!;
		expect(after.width).not.toBe(before.width);
		expect(after.layout.unitOfLine[after.top]).toBe(unit);
	});
});

describe('help and quitting', () => {
	it('opens help with ? and closes it with any key', () => {
		const state = press(openSeed(), '?');
		expect(state.help).toBe(true);
		const closed = press(state, 'x');
		expect(closed.help).toBe(false);
		expect(currentPlace(closed)).toEqual(currentPlace(state));
	});

	it('quits with q and with Ctrl+C', () => {
		expect(press(openSeed(), 'q').quit).toBe(true);
		expect(press(openSeed(), {ctrl: true} as never).quit).toBe(false);
		expect(reducer(openSeed(), {type: 'key', input: 'c', key: {ctrl: true}}).quit).toBe(true);
	});

	it('binds every command to at least one key, and no key to two commands', () => {
		const seen = new Map<string, string>();
		for (const binding of defaultBindings) {
			expect(binding.keys.length).toBeGreaterThan(0);
			for (const spec of binding.keys) {
				const id = `${spec.input ?? ''}|${spec.key ?? ''}|${spec.shift ?? ''}|${spec.ctrl ?? ''}`;
				expect(seen.get(id), `${id} bound twice`).toBeUndefined();
				seen.set(id, binding.command);
			}
		}
	});
});

describe('keys that arrive together', () => {
	it('reads Enter, Tab and Backspace inside a chunk of typed text', () => {
		let state = press(readyState(), 'j\r');
		expect(currentPlace(state)).toMatchObject({kind: 'article', id: SEED_ID});
		state = press(state, '/hành chínhh\u007f\r');
		expect(state.search.query).toBe('hành chính');
		expect(state.search.editing).toBe(false);
		expect(searchMatches(state).lines.length).toBeGreaterThan(0);
		expect(focusOf(press(state, '\t'))).toBe('article');
		expect(focusOf(press(state, 'x\t'))).toBe('related');
	});
});

describe('searching as you type', () => {
	it('highlights and moves to the first match from the view’s top with each key, and Enter keeps it', () => {
		let state = press(openSeed(), 'G', '/', 'quảng');
		const typing = searchMatches(state).lines;
		expect(typing.length).toBeGreaterThan(0);
		expect(state.search.editing).toBe(true);
		const view = articleView(state)!;
		expect(state.search.line).not.toBeNull();
		expect(state.search.line).toBeGreaterThanOrEqual(view.top);
		expect(state.search.line).toBeLessThan(view.top + view.height);
		const line = state.search.line;
		state = press(state, {return: true});
		expect(state.search.editing).toBe(false);
		expect(state.search.line).toBe(line);
	});

	it('clears the query and its highlights with Esc', () => {
		const state = press(openSeed(), '/', 'nam', {escape: true});
		expect(state.search.query).toBe('');
		expect(searchMatches(state).lines).toEqual([]);
	});
});

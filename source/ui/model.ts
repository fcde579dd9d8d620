// The reader's state and the values derived from it. Derived values are memoised pure functions
// of the state, so components and the reducer compute them once per change.
import type {Article} from '../article/types';
import {arrayList, type ArticleList} from '../dataset/article-list';
import type {Entry} from '../dataset/load';
import type {Snippet} from '../dataset/index/snippet';
import {foldCharacters, foldQuery} from '../text/fold';
import {emptyMarks, isSet, type Marks} from '../state/marks';
import {themeFor, type Theme} from '../config/theme';
import {articleLayout, anchorTop, commentLayout, sidebarLayout, type ArticleLayout} from './article-layout';
import {helpLines, type HelpLine} from './help-layout';
import {defaultBindings, type Binding} from './keymap';
import {english, type Messages} from './messages';
import {isWide, layoutPanes, type Panes, type Size} from './panes';

export type Focus = 'article' | 'related' | 'comments';

export type ArticlePlace = {
	kind: 'article';
	id: string;
	/** The top line of the article pane, and the pane width it was counted at (0 before any scrolling). */
	top: number;
	width: number;
	commentTop: number;
	related: number;
	focus: Focus;
};

export type Place = {kind: 'list'} | ArticlePlace;

/** A list shown in the dataset's place until Esc: a full-text search's results, or the bookmarks. */
export type Found = {kind: 'search' | 'bookmarks'; query: string; list: ArticleList; snippets: ReadonlyMap<string, Snippet>};

/** Something the reducer asks the reader to do outside it (it cannot: it is pure). */
export type Effect = {kind: 'open' | 'copy'; url: string};

/** How the reader was set up: keys, words, theme and what the terminal may be asked to do. */
export type Setup = {keys: readonly Binding[]; text: Messages; theme: Theme; hyperlinks: boolean; clipboard: boolean; mouse: boolean};

export const defaultSetup: Setup = {keys: defaultBindings, text: english, theme: themeFor('dark', true), hyperlinks: false, clipboard: false, mouse: false};

export type State = {
	size: Size;
	loading: {done: number; total: number} | null;
	/** A refresh of the index running in the background, and how far it has come. */
	refreshing: {done: number; total: number} | null;
	datasetName: string;
	/** The dataset's articles, asked for a window at a time (see article-list.ts). */
	dataset: ArticleList;
	/** Whether the dataset can be searched by its text (it has an index). */
	searchable: boolean;
	/** A full-text search the reader is to run (the reducer cannot: it reads the index). */
	wantSearch: string | null;
	/** The results of a full-text search, shown as the list in the dataset's place until Esc. */
	found: Found | null;
	articles: ReadonlyMap<string, Article>;
	failed: ReadonlyMap<string, string>;
	history: Place[];
	at: number;
	list: {selected: number; top: number; filter: string; editing: boolean};
	/** `origin`: the article's top line when the search began, where Esc goes back to. */
	search: {query: string; editing: boolean; line: number | null; origin?: number};
	sidebar: 'auto' | 'shown' | 'hidden';
	comments: boolean;
	help: boolean;
	/** The first row of the help on screen. */
	helpTop: number;
	/** A question waiting for y or n. */
	confirm: {command: 'markAllRead'; count: number} | null;
	effect: Effect | null;
	setup: Setup;
	marks: Marks;
	notice: string | null;
	quit: boolean;
};

export function initialState(size: Size, datasetName: string, setup: Setup = defaultSetup, marks: Marks = emptyMarks()): State {
	return {
		size,
		loading: {done: 0, total: 0},
		refreshing: null,
		datasetName,
		dataset: arrayList([]),
		searchable: false,
		wantSearch: null,
		found: null,
		articles: new Map(),
		failed: new Map(),
		history: [{kind: 'list'}],
		at: 0,
		list: {selected: 0, top: 0, filter: '', editing: false},
		search: {query: '', editing: false, line: null},
		sidebar: 'auto',
		comments: marks.settings.get('comments')?.[0] !== false,
		help: false,
		helpTop: 0,
		confirm: null,
		effect: null,
		setup,
		marks,
		notice: null,
		quit: false,
	};
}

export const currentPlace = (state: State): Place => state.history[state.at]!;

export function currentArticle(state: State): Article | undefined {
	const place = currentPlace(state);
	return place.kind === 'article' ? state.articles.get(place.id) : undefined;
}

/** The list on screen: a search's results, or the dataset under the list's filter. */
export const shownList = (state: State): {list: ArticleList; filter: string} =>
	state.found ? {list: state.found.list, filter: ''} : {list: state.dataset, filter: state.list.filter};

/** How many articles the list shows. */
export const visibleCount = (state: State): number => {
	const {list, filter} = shownList(state);
	return list.count(filter);
};

/** The articles of the list from `start` to `end` (not included). */
export const visibleWindow = (state: State, start: number, end: number): Entry[] => {
	const {list, filter} = shownList(state);
	return list.slice(filter, start, end);
};

export const entryAt = (state: State, index: number): Entry | undefined => (index < 0 ? undefined : visibleWindow(state, index, index + 1)[0]);

export const isRead = (state: State, id: string): boolean => isSet(state.marks.read, id);
export const isBookmarked = (state: State, id: string): boolean => isSet(state.marks.bookmarks, id);

const unreadCounts = new WeakMap<ReadonlyMap<string, unknown>, {list: ArticleList; unread: number}>();
// Whether each read id is in a list, asked once per id (a question to the index for an indexed
// dataset): marking one more article read does not ask again about all the others.
const memberships = new WeakMap<ArticleList, Map<string, boolean>>();

/** How many articles of the dataset have not been read (counted again when the list or the marks change). */
export function unreadCount(state: State): number {
	const known = unreadCounts.get(state.marks.read);
	if (known?.list === state.dataset) return known.unread;
	let member = memberships.get(state.dataset);
	if (!member) memberships.set(state.dataset, (member = new Map()));
	let read = 0;
	for (const [id, [value]] of state.marks.read) {
		if (!value) continue;
		let inList = member.get(id);
		if (inList === undefined) member.set(id, (inList = state.dataset.has(id)));
		if (inList) read++;
	}
	const unread = Math.max(0, state.dataset.count('') - read);
	unreadCounts.set(state.marks.read, {list: state.dataset, unread});
	return unread;
}

/** Whether the dataset holds an article with this id. */
export const inDataset = (state: State, id: string | null): boolean => id !== null && state.dataset.has(id);

export function sidebarShown(state: State): boolean {
	const article = currentArticle(state);
	if (!article || article.related.length === 0) return false;
	return state.sidebar === 'auto' ? isWide(state.size) : state.sidebar === 'shown';
}

export function panes(state: State): Panes {
	const article = currentArticle(state);
	return layoutPanes(state.size, {sidebar: sidebarShown(state), comments: state.comments && (article?.comments.length ?? 0) > 0});
}

/** The rows the list can show: the frame less its heading and the status line. */
export function listHeight(state: State): number {
	const frame = panes(state);
	return Math.max(1, frame.frame.height - 1 - (frame.statusLine ? 1 : 0));
}

/** The help's rows: the frame less its title and the status line. */
export function helpHeight(state: State): number {
	const frame = panes(state);
	return Math.max(1, frame.frame.height - 1 - (frame.statusLine ? 1 : 0));
}

export function helpView(state: State): {lines: HelpLine[]; top: number; height: number} {
	const lines = helpLines(state.setup.keys, state.setup.text, panes(state).frame.width);
	const height = helpHeight(state);
	return {lines, height, top: clamp(state.helpTop, 0, Math.max(0, lines.length - height))};
}

export const helpRowCount = (state: State): number => helpView(state).lines.length;

/** The related story on a cell of the screen (column x, row y from 0), if the sidebar shows one there. */
export function sidebarStoryAt(state: State, x: number, y: number): number | undefined {
	const place = currentPlace(state);
	const article = currentArticle(state);
	const shown = panes(state);
	if (place.kind !== 'article' || !article || !shown.sidebar) return undefined;
	// Beside the article, the sidebar starts after the article and the rule between them.
	const left = shown.article ? shown.article.width + 1 : 0;
	if (x < left || y < 1) return undefined;
	const {rows, top, listRows} = sidebarLayout(article, shown.sidebar.width, shown.sidebar.height, Math.min(place.related, article.related.length - 1));
	return y - 1 < listRows ? rows[top + y - 1]?.story : undefined;
}

export function focusOf(state: State): Focus {
	const place = currentPlace(state);
	if (place.kind !== 'article') return 'article';
	const shown = panes(state);
	if (place.focus === 'related' && shown.sidebar) return 'related';
	if (place.focus === 'comments' && shown.comments) return 'comments';
	return shown.article ? 'article' : shown.sidebar ? 'related' : 'article';
}

export function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(high, value));
}

/** The pane's width, and the width its lines are wrapped at. */
export type ArticleView = {layout: ArticleLayout; top: number; height: number; width: number; layoutWidth: number};

// Narrower than this, text is wrapped at this width and cut at the pane's edge: wrapping a long
// article at one or two columns would make millions of lines of a character each, for a terminal
// too small to read anything on.
export const MIN_LAYOUT_COLUMNS = 20;

const layoutWidthOf = (width: number) => Math.max(width, MIN_LAYOUT_COLUMNS);

/** The article pane's layout and its top line at the current width. */
export function articleView(state: State): ArticleView | undefined {
	const place = currentPlace(state);
	const article = currentArticle(state);
	const pane = panes(state).article;
	if (place.kind !== 'article' || !article || !pane) return undefined;
	const layoutWidth = layoutWidthOf(pane.width);
	const layout = articleLayout(article, layoutWidth);
	let top = place.top;
	// A width of 0 means the place has not been scrolled yet, so there is nothing to carry over.
	if (place.width !== 0 && place.width !== layoutWidth) top = anchorTop(top, articleLayout(article, place.width), layout);
	return {layout, width: pane.width, layoutWidth, height: pane.height, top: clamp(top, 0, Math.max(0, layout.lines.length - pane.height))};
}

export function commentView(state: State) {
	const place = currentPlace(state);
	const article = currentArticle(state);
	const pane = panes(state).comments;
	if (place.kind !== 'article' || !article || !pane) return undefined;
	const layout = commentLayout(article, layoutWidthOf(pane.width));
	return {layout, height: pane.height, width: pane.width, top: clamp(place.commentTop, 0, Math.max(0, layout.lines.length - pane.height))};
}

// Each layout's lines folded once, when it is first searched, and joined into one text: a
// keystroke then costs one pass of the engine's substring search over the article, with each
// match's line found by bisection, not the folding of the whole article again.
type FoldedText = {text: string; starts: Int32Array};
const foldedLayouts = new WeakMap<ArticleLayout, FoldedText>();

function foldedText(layout: ArticleLayout): FoldedText {
	let folded = foldedLayouts.get(layout);
	if (!folded) {
		const starts = new Int32Array(layout.lines.length);
		const parts: string[] = [];
		let at = 0;
		layout.lines.forEach((line, i) => {
			starts[i] = at;
			const text = line.text === '' ? '' : foldCharacters(line.text).replaceAll('\n', ' ');
			parts.push(text);
			at += text.length + 1;
		});
		let text = parts.join('\n');
		// Folded Latin text fits one byte per character; stored so, substring search runs far faster.
		if (!/[^\u0000-\u00ff]/.test(text)) text = Buffer.from(text, 'latin1').toString('latin1');
		foldedLayouts.set(layout, (folded = {text, starts}));
	}
	return folded;
}

/** The index of the line holding offset `at`: the last start not after it. */
function lineAt(starts: Int32Array, at: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (starts[middle]! <= at) low = middle;
		else high = middle - 1;
	}
	return low;
}

/**
 * The lines that hold the query, counted up to MATCH_LIMIT: a query that matches every line of a
 * 100,000-line article then costs no more per keystroke than one that matches a few. Beyond the
 * limit, matches are found one at a time from where the reader stands (see nextMatch).
 */
export type Matches = {lines: number[]; more: boolean};

export const MATCH_LIMIT = 1000;
const NO_MATCHES: Matches = {lines: [], more: false};

let lastSearch: {layout: ArticleLayout; query: string; matches: Matches} | undefined;

function matchLines(layout: ArticleLayout, query: string): Matches {
	const folded = foldQuery(query);
	if (folded.trim() === '') return NO_MATCHES;
	if (lastSearch?.layout === layout && lastSearch.query === folded) return lastSearch.matches;
	const {text, starts} = foldedText(layout);
	const lines: number[] = [];
	let at = text.indexOf(folded);
	while (at !== -1 && lines.length < MATCH_LIMIT) {
		const line = lineAt(starts, at);
		lines.push(line);
		// One match per line is all the reader counts.
		at = line + 1 < starts.length ? text.indexOf(folded, starts[line + 1]!) : -1;
	}
	const matches = {lines, more: at !== -1};
	lastSearch = {layout, query: folded, matches};
	return matches;
}

/** The lines of the article pane that hold the search query (the first MATCH_LIMIT of them). */
export function searchMatches(state: State): Matches {
	const view = articleView(state);
	return view ? matchLines(view.layout, state.search.query) : NO_MATCHES;
}

/**
 * The next line after `from` (or the previous one before it) that holds the query, going round
 * the article's end; undefined when no line does. `from` may be -1 or the line count.
 */
export function nextMatch(layout: ArticleLayout, query: string, from: number, step: 1 | -1): number | undefined {
	const folded = foldQuery(query);
	if (folded.trim() === '') return undefined;
	const {text, starts} = foldedText(layout);
	if (step === 1) {
		const start = from + 1 < starts.length ? starts[Math.max(0, from + 1)]! : text.length;
		let at = text.indexOf(folded, start);
		if (at === -1) at = text.indexOf(folded);
		return at === -1 ? undefined : lineAt(starts, at);
	}
	// A match that starts before the line's start lies on an earlier line.
	const before = from < starts.length ? (from > 0 ? starts[from]! - 1 : -1) : text.length;
	let at = before < 0 ? -1 : text.lastIndexOf(folded, before);
	if (at === -1) at = text.lastIndexOf(folded);
	return at === -1 ? undefined : lineAt(starts, at);
}

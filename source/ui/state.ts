// The reader's reducer: every key press and every event (resize, pages read, article loaded)
// becomes an action, and the next state is computed here, without Ink, so it can be tested alone.
import type {Article} from '../article/types';
import {arrayList, type ArticleList} from '../dataset/article-list';
import type {Entry} from '../dataset/load';
import type {Snippet} from '../dataset/index/snippet';
import {parseQuery} from '../dataset/index/query';
import {commandFor, type Command, type KeyFlags} from './keymap';
import {bookmarked, isSet, setFlag, type Marks} from '../state/marks';
import {linkTarget} from '../text/hyperlink';
import {
	articleView,
	clamp,
	commentView,
	currentArticle,
	currentPlace,
	focusOf,
	inDataset,
	listHeight,
	panes,
	nextMatch,
	searchMatches,
	sidebarShown,
	shownList,
	entryAt,
	helpHeight,
	helpRowCount,
	unreadCount,
	sidebarStoryAt,
	visibleCount,
	type ArticlePlace,
	type Focus,
	type State,
} from './model';
import {isWide, type Size} from './panes';

export type Action =
	| {type: 'resize'; size: Size}
	| {type: 'progress'; done: number; total: number}
	| {type: 'refreshing'; progress: {done: number; total: number} | null}
	| {type: 'dataset'; dataset: ArticleList; searchable?: boolean}
	| {type: 'found'; query: string; hits: Array<{entry: Entry; snippet: Snippet}>}
	| {type: 'search-failed'; message: string}
	| {type: 'article'; article: Article}
	| {type: 'article-failed'; id: string; message: string}
	| {type: 'key'; input: string; key: KeyFlags}
	| {type: 'command'; command: Command}
	| {type: 'type'; text: string}
	| {type: 'erase'}
	| {type: 'confirm'}
	| {type: 'cancel'}
	| {type: 'close-help'}
	| {type: 'marks'; marks: Marks}
	| {type: 'effect-done'; notice: string}
	| {type: 'notice'; notice: string}
	| {type: 'mouse'; button: 'wheelUp' | 'wheelDown' | 'left'; x: number; y: number};

export {initialState, type State} from './model';

function withPlace(state: State, update: Partial<ArticlePlace>): State {
	const place = currentPlace(state);
	if (place.kind !== 'article') return state;
	const history = state.history.slice();
	history[state.at] = {...place, ...update};
	return {...state, history};
}

/** An article's place as it was left last time (a new article starts at the top). */
function articlePlace(state: State, id: string): ArticlePlace {
	const [top, width] = state.marks.positions.get(id) ?? [0, 0];
	return {kind: 'article', id, top, width, commentTop: 0, related: 0, focus: 'article'};
}

/** Opening an article marks it read and makes it the dataset's last one. */
function markOpened(state: State, id: string): State {
	const now = Date.now();
	const read = isSet(state.marks.read, id) ? state.marks.read : setFlag(state.marks.read, [id], true, now);
	return {...state, marks: {...state.marks, read, last: [id, now]}};
}

/** Opens an article as a new step in history; what lay ahead of the current step is dropped. */
function openArticle(state: State, id: string): State {
	const history = [...state.history.slice(0, state.at + 1), articlePlace(state, id)];
	return markOpened({...state, history, at: history.length - 1, search: {query: '', editing: false, line: null}}, id);
}

/** Keeps where the reader stands in an article it is leaving (`top` at `width`, as drawn), to come back there. */
function rememberPosition(state: State, place: ArticlePlace, top = place.top, width = place.width): State {
	const known = state.marks.positions.get(place.id);
	if (known && known[0] === top && known[1] === width) return state;
	if (!known && top === 0) return state;
	const positions = new Map(state.marks.positions).set(place.id, [top, width, Date.now()] as const);
	return {...state, marks: {...state.marks, positions}};
}

function keepListSelectionVisible(state: State, selected: number): State {
	const count = visibleCount(state);
	const height = listHeight(state);
	const index = clamp(selected, 0, Math.max(0, count - 1));
	let top = state.list.top;
	if (index < top) top = index;
	if (index >= top + height) top = index - height + 1;
	top = clamp(top, 0, Math.max(0, count - height));
	return {...state, list: {...state.list, selected: index, top}};
}

function scrollAmount(command: Command, height: number): number | 'top' | 'bottom' | undefined {
	const page = Math.max(1, height - 1);
	const half = Math.max(1, Math.floor(height / 2));
	switch (command) {
		case 'lineDown': return 1;
		case 'lineUp': return -1;
		case 'pageDown': return page;
		case 'pageUp': return -page;
		case 'halfPageDown': return half;
		case 'halfPageUp': return -half;
		case 'top': return 'top';
		case 'bottom': return 'bottom';
		default: return undefined;
	}
}

function moved(position: number, amount: number | 'top' | 'bottom', last: number): number {
	if (amount === 'top') return 0;
	if (amount === 'bottom') return last;
	return clamp(position + amount, 0, last);
}

function listCommand(state: State, command: Command): State {
	const amount = scrollAmount(command, listHeight(state));
	if (amount !== undefined) return keepListSelectionVisible(state, moved(state.list.selected, amount, visibleCount(state) - 1));
	switch (command) {
		case 'open': {
			const entry = entryAt(state, state.list.selected);
			if (!entry) return state;
			const opened = openArticle(state, entry.id);
			// An article opened from a search's results opens searched for what was looked for.
			return state.found?.kind === 'search' ? {...opened, search: {query: searchedWords(state.found.query), editing: false, line: null}} : opened;
		}
		case 'search':
			return state.found ? state : {...state, list: {...state.list, editing: true}};
		case 'toggleRead':
		case 'toggleBookmark': {
			const entry = entryAt(state, state.list.selected);
			return entry ? toggleMark(state, entry.id, command === 'toggleRead' ? 'read' : 'bookmarks') : state;
		}
		case 'markAllRead': {
			const count = visibleCount(state);
			if (count === 0 || (!state.found && !state.list.filter && unreadCount(state) === 0)) return {...state, notice: state.setup.text.notices.nothingUnread};
			return {...state, confirm: {command: 'markAllRead', count}, notice: state.setup.text.notices.confirmAllRead(count)};
		}
		case 'bookmarks': return showBookmarks(state);
		case 'openLink':
		case 'copyLink': return linkEffect(state, entryAt(state, state.list.selected)?.url, command);
		case 'nextPane':
		case 'previousPane':
		case 'toggleComments':
		case 'toggleSidebar': return {...state, notice: state.setup.text.notices.panesOfArticle};
		case 'back':
			// The bookmarks opened from an article: back to it.
			if (state.found?.kind === 'bookmarks' && state.at > 0) return {...state, found: null, at: state.at - 1};
			if (state.found) return keepListSelectionVisible({...state, found: null, list: {...state.list, filter: ''}}, 0);
			return state.list.filter ? keepListSelectionVisible({...state, list: {...state.list, filter: ''}}, 0) : state;
		default:
			return state;
	}
}

function toggleMark(state: State, id: string, kind: 'read' | 'bookmarks'): State {
	const value = !isSet(state.marks[kind], id);
	const marks = {...state.marks, [kind]: setFlag(state.marks[kind], [id], value, Date.now())};
	const {notices} = state.setup.text;
	const notice = kind === 'read' ? (value ? notices.read : notices.unread) : value ? notices.bookmarked : notices.unbookmarked;
	return {...state, marks, notice};
}

function markAllRead(state: State): State {
	const {list, filter} = shownList(state);
	const ids = list.slice(filter, 0, list.count(filter)).map((entry) => entry.id);
	const read = setFlag(state.marks.read, ids.filter((id) => !isSet(state.marks.read, id)), true, Date.now());
	return {...state, confirm: null, marks: {...state.marks, read}, notice: state.setup.text.notices.allRead(ids.length)};
}

/** The bookmarks as the list (again: back to the whole list). */
function showBookmarks(state: State): State {
	if (state.found?.kind === 'bookmarks') return keepListSelectionVisible({...state, found: null}, 0);
	const entries = bookmarked(state.marks).map((id) => state.dataset.find(id)).filter((entry) => entry !== undefined);
	const found = {kind: 'bookmarks' as const, query: '', list: arrayList(entries), snippets: new Map()};
	const place = currentPlace(state);
	const atList = place.kind === 'list' ? state : {...state, history: [...state.history.slice(0, state.at + 1), {kind: 'list' as const}], at: state.at + 1};
	return {...atList, found, list: {...state.list, editing: false, filter: '', selected: 0, top: 0}, notice: entries.length === 0 ? state.setup.text.notices.noBookmarks : null};
}

/** Opening or copying a web address: only http and https, and copying only when allowed. */
function linkEffect(state: State, url: string | undefined, command: 'openLink' | 'copyLink'): State {
	const {notices} = state.setup.text;
	if (!url) return {...state, notice: notices.noLink};
	// The address as a hyperlink would carry it: http(s) only, nothing in it that a terminal reads as control.
	const target = linkTarget(url);
	if (!target) return {...state, notice: notices.notWebLink};
	if (command === 'copyLink' && !state.setup.clipboard) return {...state, notice: notices.clipboardOff};
	return {...state, effect: {kind: command === 'openLink' ? 'open' : 'copy', url: target}};
}

const PANES: Focus[] = ['article', 'related', 'comments'];

function cycleFocus(state: State, step: 1 | -1): State {
	const shown = panes(state);
	const available = PANES.filter((pane) => (pane === 'article' ? shown.article : pane === 'related' ? shown.sidebar : shown.comments));
	if (available.length <= 1) {
		const article = currentArticle(state);
		// Nothing to move to: say why, rather than nothing at all.
		if (article && article.related.length === 0 && article.comments.length === 0) return {...state, notice: state.setup.text.notices.noRelated};
		if (available.length === 0) return state;
	}
	const index = available.indexOf(focusOf(state));
	return withPlace(state, {focus: available[(index + step + available.length) % available.length]!});
}

function scrollArticle(state: State, amount: number | 'top' | 'bottom'): State {
	const view = articleView(state);
	if (!view) return state;
	const last = Math.max(0, view.layout.lines.length - view.height);
	return withPlace(state, {top: moved(view.top, amount, last), width: view.layoutWidth});
}

function jumpToMatch(state: State, step: 1 | -1): State {
	const view = articleView(state);
	const from = state.search.line ?? (step === 1 ? (view?.top ?? 0) - 1 : (view?.top ?? 0) + (view?.height ?? 0));
	const next = view ? nextMatch(view.layout, state.search.query, from, step) : undefined;
	const {status, notices} = state.setup.text;
	if (!view || next === undefined) return {...state, notice: state.search.query ? status.noMatch(state.search.query) : notices.pressSearch};
	const visible = next >= view.top && next < view.top + view.height;
	const top = visible ? view.top : Math.max(0, next - Math.floor(view.height / 3));
	const last = Math.max(0, view.layout.lines.length - view.height);
	return withPlace({...state, search: {...state.search, line: next}}, {top: Math.min(top, last), width: view.layoutWidth});
}

function openRelated(state: State): State {
	const article = currentArticle(state);
	const place = currentPlace(state);
	if (!article || place.kind !== 'article') return state;
	const story = article.related[place.related];
	if (!story) return state;
	if (story.id && inDataset(state, story.id)) return openArticle(state, story.id);
	return {...state, notice: state.setup.text.notices.notInDataset};
}

function stepArticle(state: State, step: 1 | -1): State {
	const place = currentPlace(state);
	if (place.kind !== 'article') return state;
	const shown = shownList(state);
	const index = shown.list.indexOf(shown.filter, place.id);
	const next = index === -1 ? undefined : entryAt(state, index + step);
	if (!next) return {...state, notice: step === 1 ? state.setup.text.notices.lastArticle : state.setup.text.notices.firstArticle};
	const view = articleView(state);
	const left = rememberPosition(state, place, view?.top ?? place.top, view?.layoutWidth ?? place.width);
	const history = left.history.slice();
	history[left.at] = articlePlace(left, next.id);
	const selected = keepListSelectionVisible(left, index + step);
	return markOpened({...selected, history, search: {query: '', editing: false, line: null}}, next.id);
}

function articleCommand(state: State, command: Command): State {
	const place = currentPlace(state) as ArticlePlace;
	const focus = focusOf(state);
	const amount = scrollAmount(command, focus === 'comments' ? panes(state).comments?.height ?? 1 : articleView(state)?.height ?? panes(state).sidebar?.height ?? 1);
	if (amount !== undefined) {
		if (focus === 'related') {
			const count = currentArticle(state)?.related.length ?? 0;
			const step = typeof amount === 'number' ? Math.sign(amount) * Math.max(1, Math.round(Math.abs(amount) / 3)) : amount;
			return withPlace(state, {related: moved(place.related, step, Math.max(0, count - 1))});
		}
		if (focus === 'comments') {
			const view = commentView(state);
			if (!view) return state;
			return withPlace(state, {commentTop: moved(view.top, amount, Math.max(0, view.layout.lines.length - view.height))});
		}
		return scrollArticle(state, amount);
	}
	switch (command) {
		case 'nextPane': return cycleFocus(state, 1);
		case 'previousPane': return cycleFocus(state, -1);
		case 'open': return focus === 'related' ? openRelated(state) : state;
		case 'search': return {...state, search: {query: '', editing: true, line: null, origin: articleView(state)?.top ?? place.top}};
		case 'nextMatch': return jumpToMatch(state, 1);
		case 'previousMatch': return jumpToMatch(state, -1);
		case 'previousArticle': return stepArticle(state, -1);
		case 'nextArticle': return stepArticle(state, 1);
		case 'toggleComments': {
			if ((currentArticle(state)?.comments.length ?? 0) === 0) return {...state, notice: state.setup.text.notices.noComments};
			// Hidden or shown, the pane stays so across articles and runs.
			const settings = new Map(state.marks.settings).set('comments', [!state.comments, Date.now()] as const);
			return {...state, comments: !state.comments, marks: {...state.marks, settings}};
		}
		case 'toggleRead':
		case 'toggleBookmark': return toggleMark(state, place.id, command === 'toggleRead' ? 'read' : 'bookmarks');
		case 'markAllRead': return listCommand(state, command);
		case 'bookmarks': return showBookmarks(state);
		case 'openLink':
		case 'copyLink': return linkEffect(state, currentArticle(state)?.url, command);
		case 'toggleSidebar': {
			if ((currentArticle(state)?.related.length ?? 0) === 0) return {...state, notice: state.setup.text.notices.noRelated};
			const shown = sidebarShown(state);
			const next = {...state, sidebar: shown ? 'hidden' : 'shown'} as State;
			// Showing the sidebar where it takes the article's place hands it the focus.
			return !shown && !isWide(state.size) ? withPlace(next, {focus: 'related'}) : next;
		}
		default: return state;
	}
}

function command(state: State, name: Command): State {
	const before = currentPlace(state);
	const after = commandAt(state.notice ? {...state, notice: null} : state, name);
	// Leaving an article (or quitting on one) keeps where the reader stood in it.
	if (before.kind === 'article' && (after.quit || currentPlace(after) !== before)) {
		const view = articleView(state);
		return rememberPosition(after, before, view?.top ?? before.top, view?.layoutWidth ?? before.width);
	}
	return after;
}

function commandAt(cleared: State, name: Command): State {
	const {notices} = cleared.setup.text;
	switch (name) {
		case 'quit': return {...cleared, quit: true};
		case 'help': return {...cleared, help: true, helpTop: 0};
		case 'back':
			if (currentPlace(cleared).kind === 'list') return listCommand(cleared, name);
			// A search kept on an article is cleared first, as a filter on the list is (and as in less and vim).
			if (cleared.search.query !== '') return {...cleared, search: {query: '', editing: false, line: null}};
			return cleared.at > 0 ? {...cleared, at: cleared.at - 1, search: {query: '', editing: false, line: null}} : {...cleared, notice: notices.nothingBefore};
		case 'forward':
			return cleared.at < cleared.history.length - 1 ? {...cleared, at: cleared.at + 1} : {...cleared, notice: notices.nothingAfter};
		default:
			return currentPlace(cleared).kind === 'list' ? listCommand(cleared, name) : articleCommand(cleared, name);
	}
}

function editText(state: State, edit: (text: string) => string): State {
	if (state.list.editing && currentPlace(state).kind === 'list') {
		return keepListSelectionVisible({...state, list: {...state.list, filter: edit(state.list.filter)}}, 0);
	}
	if (state.search.editing) {
		// The search follows the typing: the view moves to the first match from where it stands.
		const next = {...state, search: {...state.search, query: edit(state.search.query), line: null}};
		return searchMatches(next).lines.length > 0 ? jumpToMatch(next, 1) : next;
	}
	return state;
}

/** The words of a full-text query an opened article is searched for: its longest term, as one can find it on a line. */
function searchedWords(query: string): string {
	const terms = parseQuery(query).map((term) => term.tokens.join(' '));
	return terms.reduce((longest, term) => (term.length > longest.length ? term : longest), '');
}

function datasetLoaded(state: State, dataset: ArticleList, searchable: boolean): State {
	const first = state.loading !== null;
	// A new version of the list (after a refresh): the selection stays on its article, and articles
	// read before are read again when shown, since their files may have changed.
	const selectedId = first || state.found ? undefined : entryAt(state, state.list.selected)?.id;
	const refreshed = first ? {} : {articles: new Map(), failed: new Map()};
	const moved = selectedId === undefined ? -1 : dataset.indexOf(state.list.filter, selectedId);
	const loaded = keepListSelectionVisible({...state, ...refreshed, dataset, searchable, loading: null}, moved === -1 ? state.list.selected : moved);
	// A dataset of one article opens it directly, with nothing before it in history.
	const only = first && dataset.count('') === 1 ? dataset.slice('', 0, 1)[0] : undefined;
	if (only) return markOpened({...loaded, history: [articlePlace(loaded, only.id)], at: 0}, only.id);
	// Reopening a dataset selects the article read last in it.
	const last = first && state.marks.last ? dataset.indexOf('', state.marks.last[0]) : -1;
	return last > 0 ? keepListSelectionVisible(loaded, last) : loaded;
}

export function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'resize': {
			const resized = {...state, size: action.size};
			return currentPlace(resized).kind === 'list' ? keepListSelectionVisible(resized, resized.list.selected) : resized;
		}
		case 'progress': return {...state, loading: {done: action.done, total: action.total}};
		case 'refreshing': return state.refreshing === action.progress ? state : {...state, refreshing: action.progress};
		case 'dataset': return datasetLoaded(state, action.dataset, action.searchable ?? false);
		case 'found': {
			const snippets = new Map(action.hits.map((hit) => [hit.entry.id, hit.snippet]));
			const found = {kind: 'search' as const, query: action.query, list: arrayList(action.hits.map((hit) => hit.entry)), snippets};
			return {...state, wantSearch: null, found, list: {...state.list, editing: false, filter: '', selected: 0, top: 0}};
		}
		case 'search-failed': return {...state, wantSearch: null, notice: action.message};
		case 'article': {
			const next = {...state, articles: new Map(state.articles).set(action.article.id, action.article)};
			// An article opened from a search's results shows its first match.
			const place = currentPlace(next);
			const searched = place.kind === 'article' && place.id === action.article.id && next.search.query !== '' && next.search.line === null && !next.search.editing;
			return searched ? jumpToMatch(next, 1) : next;
		}
		case 'article-failed': return {...state, failed: new Map(state.failed).set(action.id, action.message)};
		case 'command': return command(state, action.command);
		case 'type': return editText(state, (text) => text + action.text);
		case 'erase': return editText(state, (text) => Array.from(text).slice(0, -1).join(''));
		case 'confirm':
			if (state.list.editing && currentPlace(state).kind === 'list') {
				const done = {...state, list: {...state.list, editing: false}};
				// In an indexed dataset Enter searches every article's text for what was typed.
				if (state.searchable && state.list.filter.trim() !== '') return {...done, wantSearch: state.list.filter.trim()};
				return listCommand(done, 'open');
			}
			if (state.search.editing) return jumpToMatch({...state, search: {...state.search, editing: false, line: null}}, 1);
			return state;
		case 'cancel':
			if (state.list.editing) return keepListSelectionVisible({...state, list: {...state.list, filter: '', editing: false}}, 0);
			if (state.search.editing) {
				// Back to where the search began: the matches it passed through are left behind.
				const cancelled = {...state, search: {query: '', editing: false, line: null}};
				const place = currentPlace(state);
				return place.kind === 'article' && state.search.origin !== undefined ? withPlace(cancelled, {top: state.search.origin, width: articleView(state)?.layoutWidth ?? place.width}) : cancelled;
			}
			return state;
		case 'close-help': return {...state, help: false};
		case 'marks': return {...state, marks: action.marks};
		case 'effect-done': return {...state, effect: null, notice: action.notice};
		case 'notice': return {...state, notice: action.notice};
		case 'mouse': return mouse(state, action);
		case 'key': return pressKey(state, action.input, action.key);
	}
}

const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]$/u;

// Control characters that arrive inside a chunk of typed text, as the keys they stand for.
const CONTROL_KEYS: Record<string, KeyFlags> = {
	'\r': {return: true},
	'\n': {return: true},
	'\t': {tab: true},
	'\u007f': {delete: true},
	'\b': {backspace: true},
};

/**
 * One key press, or several keys that arrived in one chunk ("jjj", "j\r"): each character is
 * handled in turn against the state the previous one left, so `/abc⏎` searches for "abc".
 */
function pressKey(state: State, input: string, key: KeyFlags): State {
	const special = key.return || key.escape || key.tab || key.backspace || key.delete || key.upArrow || key.downArrow
		|| key.pageUp || key.pageDown || key.home || key.end || key.leftArrow || key.rightArrow || key.ctrl || key.meta;
	if (special || input.length <= 1) return pressOne(state, input, key);
	let next = state;
	const characters = Array.from(input);
	for (let i = 0; i < characters.length; i++) {
		const character = characters[i]!;
		if (character === '\u0003') next = pressOne(next, 'c', {ctrl: true});
		else if (CONTROL_KEYS[character]) next = pressOne(next, '', CONTROL_KEYS[character]);
		else if (isEditing(next) && !next.help && PRINTABLE.test(character)) {
			// Pasted text is typed as one edit: a search runs once for the paste, not once per character.
			let end = i + 1;
			while (end < characters.length && PRINTABLE.test(characters[end]!)) end++;
			next = reducer(next, {type: 'type', text: characters.slice(i, end).join('')});
			i = end - 1;
		} else next = pressOne(next, character, {});
	}
	return next;
}

function pressOne(state: State, input: string, key: KeyFlags): State {
	if (key.ctrl && input === 'c') return command(state, 'quit');
	if (state.help) return helpKey(state, input, key);
	if (state.confirm) {
		if (input === 'y' || input === 'Y') return markAllRead(state);
		return {...state, confirm: null, notice: null};
	}
	if (isEditing(state)) {
		if (key.return) return reducer(state, {type: 'confirm'});
		if (key.escape) return reducer(state, {type: 'cancel'});
		if (key.backspace || key.delete) return reducer(state, {type: 'erase'});
		if (!key.ctrl && !key.meta && PRINTABLE.test(input)) return reducer(state, {type: 'type', text: input});
		return state;
	}
	const name = commandFor(state.setup.keys, input, key);
	return name ? command(state, name) : state;
}

/** In the help: the moving keys scroll it, any other key closes it. */
function helpKey(state: State, input: string, key: KeyFlags): State {
	const name = commandFor(state.setup.keys, input, key);
	const rows = helpRowCount(state);
	const height = helpHeight(state);
	const amount = name ? scrollAmount(name, height) : undefined;
	if (amount === undefined || name === 'quit') return {...state, help: false};
	return {...state, helpTop: moved(state.helpTop, amount, Math.max(0, rows - height))};
}

/** The wheel scrolls the focused pane (or the list); a click on a row of the list or the sidebar opens it. */
function mouse(state: State, action: {button: 'wheelUp' | 'wheelDown' | 'left'; x: number; y: number}): State {
	if (state.help) return action.button === 'left' ? {...state, help: false} : helpKey(state, '', action.button === 'wheelUp' ? {upArrow: true} : {downArrow: true});
	if (state.loading || isEditing(state)) return state;
	const place = currentPlace(state);
	if (action.button !== 'left') {
		const step = action.button === 'wheelUp' ? -WHEEL_LINES : WHEEL_LINES;
		if (place.kind === 'list') return keepListSelectionVisible(state, state.list.selected + Math.sign(step));
		if (focusOf(state) === 'related') return articleCommand(state, step < 0 ? 'lineUp' : 'lineDown');
		if (focusOf(state) === 'comments') {
			const view = commentView(state);
			return view ? withPlace(state, {commentTop: moved(view.top, step, Math.max(0, view.layout.lines.length - view.height))}) : state;
		}
		return scrollArticle(state, step);
	}
	if (place.kind === 'list') {
		// The list's rows start under its heading (row 0).
		const index = state.list.top + action.y - 1;
		if (action.y < 1 || action.y > listHeight(state) || index >= visibleCount(state)) return state;
		return command(keepListSelectionVisible(state, index), 'open');
	}
	const story = sidebarStoryAt(state, action.x, action.y);
	if (story === undefined) return state;
	// Through the command, as Enter would: the place in the article left is kept.
	return command(withPlace(state, {related: story, focus: 'related'}), 'open');
}

// Lines a notch of the wheel scrolls an article.
const WHEEL_LINES = 3;

export function isEditing(state: State): boolean {
	return (state.list.editing && currentPlace(state).kind === 'list') || state.search.editing;
}

/** The article the reader needs read from disk next, if any. */
export function pendingArticle(state: State): string | undefined {
	const place = currentPlace(state);
	if (place.kind !== 'article' || state.articles.has(place.id) || state.failed.has(place.id)) return undefined;
	return place.id;
}

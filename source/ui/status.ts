// The status line's text for a state: where the reader is (in the focused pane), and the keys that
// matter there.
import {groupDigits} from '../text/digits';
import {displayText} from '../text/display';
import {keyLabels, type Command} from './keymap';
import {articleView, commentView, currentArticle, currentPlace, focusOf, helpView, searchMatches, unreadCount, visibleCount, type State} from './model';

export function statusText(state: State): {left: string; right: string} {
	const status = placeStatus(state);
	if (!state.refreshing || state.notice) return status;
	// The list itself is usable meanwhile: the refresh only says how far it has come.
	const {done, total} = state.refreshing;
	return {left: status.left, right: `${state.setup.text.status.indexing(groupDigits(done, ','), groupDigits(total, ','))} · ${status.right}`};
}

/** The lines on screen, a–b of n. */
function linePosition(top: number, height: number, total: number): string {
	return total === 0 ? '0/0' : `${top + 1}–${Math.min(total, top + height)}/${total}`;
}

function placeStatus(state: State): {left: string; right: string} {
	const {text, keys} = state.setup;
	const hint = (command: Command, what: string) => `${keyLabels(keys, command)[0] ?? '?'} ${what}`;
	if (state.help) {
		const help = helpView(state);
		return {left: ` ${text.help.position(help.top + 1, Math.min(help.lines.length, help.top + help.height), help.lines.length)} `, right: ''};
	}
	if (state.confirm) return {left: ' ? ', right: state.notice ?? ''};
	const place = currentPlace(state);
	if (place.kind === 'list') {
		const count = visibleCount(state);
		const unread = state.found ? 0 : unreadCount(state);
		const left = ` ${count === 0 ? 0 : state.list.selected + 1}/${count}${unread > 0 ? ` · ${text.status.unread(unread)}` : ''} `;
		if (state.list.editing) return {left, right: state.notice ?? text.hints.typing};
		// The results of a search and the bookmarks are not filtered: Esc goes back to the list that is.
		const second = state.found ? hint('back', text.hints.back) : hint('search', text.hints.filter);
		return {left, right: state.notice ?? [hint('open', text.hints.open), second, hint('help', text.hints.help), hint('quit', text.hints.quit)].join(' · ')};
	}
	const focus = focusOf(state);
	let left = ' ';
	if (focus === 'related') {
		const article = currentArticle(state);
		const count = article?.related.length ?? 0;
		left = ` ${text.status.related(Math.min(place.related, count - 1) + 1, count)} `;
	} else if (focus === 'comments') {
		const view = commentView(state);
		if (view) left = ` ${linePosition(view.top, view.height, view.layout.lines.length)} · ${text.status.comments} `;
	} else {
		const view = articleView(state);
		if (view) left = ` ${linePosition(view.top, view.height, view.layout.lines.length)} `;
	}
	const {lines, more} = searchMatches(state);
	const total = more ? `${lines.length}+` : String(lines.length);
	if (state.search.editing) {
		const count = state.search.query ? ` ${text.status.match(total)} ·` : '';
		return {left, right: `/${displayText(state.search.query)}▏${count} ${text.hints.searching}`};
	}
	if (state.search.query && !state.notice) {
		// Past the counted matches the position is not known without counting: it shows as "…".
		const position = state.search.line === null ? 0 : lines.indexOf(state.search.line) + 1;
		const index = position === 0 && more ? '…' : String(position);
		const query = displayText(state.search.query);
		const found = lines.length === 0 ? text.status.noMatch(query) : text.status.found(query, index, total);
		return {left, right: `${found} · ${text.hints.matches}`};
	}
	return {
		left,
		right: state.notice ?? [hint('nextPane', text.hints.pane), hint('back', text.hints.back), hint('search', text.hints.search), hint('help', text.hints.help), hint('quit', text.hints.quit)].join(' · '),
	};
}

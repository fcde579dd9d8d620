// The status line's text for a state: where the reader is, and the keys that matter there.
import {displayText} from '../text/display';
import {keyLabels, type Command} from './keymap';
import {articleView, currentPlace, focusOf, searchMatches, visibleCount, type State} from './model';

const hint = (command: Command, what: string) => `${keyLabels(command)[0]} ${what}`;

export function statusText(state: State): {left: string; right: string} {
	const status = placeStatus(state);
	if (!state.refreshing || state.notice) return status;
	// The list itself is usable meanwhile: the refresh only says how far it has come.
	const {done, total} = state.refreshing;
	return {left: status.left, right: `indexing ${done.toLocaleString('en')}/${total.toLocaleString('en')} · ${status.right}`};
}

function placeStatus(state: State): {left: string; right: string} {
	const place = currentPlace(state);
	if (place.kind === 'list') {
		const count = visibleCount(state);
		const left = ` ${count === 0 ? 0 : state.list.selected + 1}/${count} `;
		if (state.list.editing) return {left, right: state.notice ?? 'type to filter · Enter open · Esc clear'};
		return {left, right: state.notice ?? [hint('open', 'open'), hint('search', 'filter'), hint('help', 'help'), hint('quit', 'quit')].join(' · ')};
	}
	const view = articleView(state);
	let left = ' ';
	if (view) {
		const total = view.layout.lines.length;
		const bottom = Math.min(total, view.top + view.height);
		const percent = total <= view.height ? 100 : Math.round((view.top / (total - view.height)) * 100);
		left = ` ${bottom}/${total} ${percent}%`;
	}
	left += ` · ${focusOf(state)} `;
	const {lines, more} = searchMatches(state);
	const total = more ? `${lines.length}+` : String(lines.length);
	if (state.search.editing) {
		const count = state.search.query ? ` ${total} match${total === '1' ? '' : 'es'} ·` : '';
		return {left, right: `/${displayText(state.search.query)}▏${count} Enter keep · Esc cancel`};
	}
	if (state.search.query && !state.notice) {
		// Past the counted matches the position is not known without counting: it shows as "…".
		const position = state.search.line === null ? 0 : lines.indexOf(state.search.line) + 1;
		const index = position === 0 && more ? '…' : String(position);
		const query = displayText(state.search.query);
		const found = lines.length === 0 ? `no match for “${query}”` : `“${query}” ${index}/${total}`;
		return {left, right: `${found} · n next · N previous`};
	}
	return {
		left,
		right: state.notice ?? [hint('nextPane', 'pane'), hint('back', 'back'), hint('search', 'search'), hint('help', 'help'), hint('quit', 'quit')].join(' · '),
	};
}

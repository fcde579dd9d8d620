// One table from named commands to keys. The input hook resolves keys through it and the help
// screen is drawn from it, so the two cannot disagree.
import type {Key} from 'ink';

export type Command =
	| 'lineDown'
	| 'lineUp'
	| 'pageDown'
	| 'pageUp'
	| 'halfPageDown'
	| 'halfPageUp'
	| 'top'
	| 'bottom'
	| 'nextPane'
	| 'previousPane'
	| 'open'
	| 'back'
	| 'forward'
	| 'previousArticle'
	| 'nextArticle'
	| 'search'
	| 'nextMatch'
	| 'previousMatch'
	| 'toggleComments'
	| 'toggleSidebar'
	| 'help'
	| 'quit';

export type KeyFlags = Partial<Pick<Key, KeyName | 'leftArrow' | 'rightArrow' | 'ctrl' | 'meta' | 'shift'>>;

type KeyName = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

export type KeySpec = {input?: string; key?: KeyName; ctrl?: boolean; shift?: boolean; label: string};

export type Binding = {command: Command; group: string; description: string; keys: KeySpec[]};

const char = (input: string, label = input): KeySpec => ({input, label});
const named = (key: KeyName, label: string, shift?: boolean): KeySpec => ({key, label, shift});

export const keyBindings: Binding[] = [
	{command: 'lineDown', group: 'Move', description: 'a line down (next row in a list)', keys: [char('j'), named('downArrow', '↓')]},
	{command: 'lineUp', group: 'Move', description: 'a line up (previous row)', keys: [char('k'), named('upArrow', '↑')]},
	{command: 'pageDown', group: 'Move', description: 'a page down', keys: [char(' ', 'space'), named('pageDown', 'PgDn'), char('f')]},
	{command: 'pageUp', group: 'Move', description: 'a page up', keys: [char('b'), named('pageUp', 'PgUp')]},
	{command: 'halfPageDown', group: 'Move', description: 'half a page down', keys: [char('d')]},
	{command: 'halfPageUp', group: 'Move', description: 'half a page up', keys: [char('u')]},
	{command: 'top', group: 'Move', description: 'to the top', keys: [char('g'), named('home', 'Home')]},
	{command: 'bottom', group: 'Move', description: 'to the bottom', keys: [char('G'), named('end', 'End')]},
	{command: 'nextPane', group: 'Panes', description: 'focus the next pane: article → related → comments', keys: [named('tab', 'Tab')]},
	{command: 'previousPane', group: 'Panes', description: 'focus the previous pane', keys: [named('tab', 'Shift+Tab', true)]},
	{command: 'toggleComments', group: 'Panes', description: 'show or hide the comment pane', keys: [char('c')]},
	{command: 'toggleSidebar', group: 'Panes', description: 'show or hide the related-stories sidebar', keys: [char('s')]},
	{command: 'open', group: 'Go', description: 'open the selected article or related story', keys: [named('return', 'Enter')]},
	{command: 'back', group: 'Go', description: 'back in history (to the list at the start)', keys: [named('backspace', 'Backspace'), named('delete', 'Backspace'), char('h'), named('escape', 'Esc')]},
	{command: 'forward', group: 'Go', description: 'forward in history', keys: [char('l')]},
	{command: 'previousArticle', group: 'Go', description: 'the previous article of the list', keys: [char('[')]},
	{command: 'nextArticle', group: 'Go', description: 'the next article of the list', keys: [char(']')]},
	{command: 'search', group: 'Search', description: 'search the article, or filter the list by title; Enter ends (in the list of an indexed dataset it searches every article’s text), Esc clears', keys: [char('/')]},
	{command: 'nextMatch', group: 'Search', description: 'the next match', keys: [char('n')]},
	{command: 'previousMatch', group: 'Search', description: 'the previous match', keys: [char('N')]},
	{command: 'help', group: 'Other', description: 'this help', keys: [char('?')]},
	{command: 'quit', group: 'Other', description: 'quit', keys: [char('q'), {input: 'c', ctrl: true, label: 'Ctrl+C'}]},
];

function matches(spec: KeySpec, input: string, key: KeyFlags): boolean {
	if (spec.ctrl !== undefined && Boolean(key.ctrl) !== spec.ctrl) return false;
	if (spec.key) return Boolean(key[spec.key]) && Boolean(key.shift) === Boolean(spec.shift);
	return !key.ctrl && !key.meta && input === spec.input;
}

/** The command bound to one key press: a single character, or a named key with its modifiers. */
export function commandFor(input: string, key: KeyFlags): Command | undefined {
	for (const binding of keyBindings) {
		if (binding.keys.some((spec) => matches(spec, input, key))) return binding.command;
	}
	return undefined;
}

export function keyLabels(command: Command): string[] {
	const labels = keyBindings.find((binding) => binding.command === command)?.keys.map((spec) => spec.label) ?? [];
	return [...new Set(labels)];
}

// One table from named commands to keys. The input hook resolves keys through it and the help
// screen is drawn from it, so the two cannot disagree; the configuration's [keys] table replaces
// a command's keys in it (see bindKeys).
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
	| 'toggleRead'
	| 'markAllRead'
	| 'toggleBookmark'
	| 'bookmarks'
	| 'openLink'
	| 'copyLink'
	| 'help'
	| 'quit';

export type KeyFlags = Partial<Pick<Key, KeyName | 'leftArrow' | 'rightArrow' | 'ctrl' | 'meta' | 'shift'>>;

type KeyName = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

export type KeySpec = {input?: string; key?: KeyName; ctrl?: boolean; shift?: boolean; label: string};

export type Group = 'move' | 'panes' | 'go' | 'search' | 'marks' | 'links' | 'other';

export type Binding = {command: Command; group: Group; keys: KeySpec[]};

const char = (input: string, label = input): KeySpec => ({input, label});
const named = (key: KeyName, label: string, shift?: boolean): KeySpec => ({key, label, shift});

export const defaultBindings: readonly Binding[] = [
	{command: 'lineDown', group: 'move', keys: [char('j'), named('downArrow', 'Down')]},
	{command: 'lineUp', group: 'move', keys: [char('k'), named('upArrow', 'Up')]},
	{command: 'pageDown', group: 'move', keys: [char(' ', 'Space'), named('pageDown', 'PgDn'), char('f')]},
	{command: 'pageUp', group: 'move', keys: [char('b'), named('pageUp', 'PgUp')]},
	{command: 'halfPageDown', group: 'move', keys: [char('d')]},
	{command: 'halfPageUp', group: 'move', keys: [char('u')]},
	{command: 'top', group: 'move', keys: [char('g'), named('home', 'Home')]},
	{command: 'bottom', group: 'move', keys: [char('G'), named('end', 'End')]},
	{command: 'nextPane', group: 'panes', keys: [named('tab', 'Tab')]},
	{command: 'previousPane', group: 'panes', keys: [named('tab', 'Shift+Tab', true)]},
	{command: 'toggleComments', group: 'panes', keys: [char('c')]},
	{command: 'toggleSidebar', group: 'panes', keys: [char('s')]},
	{command: 'open', group: 'go', keys: [named('return', 'Enter')]},
	// Ink reports the Backspace key as `delete`; both are bound.
	{command: 'back', group: 'go', keys: [named('backspace', 'Backspace'), named('delete', 'Backspace'), char('h'), named('escape', 'Esc')]},
	{command: 'forward', group: 'go', keys: [char('l')]},
	{command: 'previousArticle', group: 'go', keys: [char('[')]},
	{command: 'nextArticle', group: 'go', keys: [char(']')]},
	{command: 'search', group: 'search', keys: [char('/')]},
	{command: 'nextMatch', group: 'search', keys: [char('n')]},
	{command: 'previousMatch', group: 'search', keys: [char('N')]},
	{command: 'toggleRead', group: 'marks', keys: [char('r')]},
	{command: 'markAllRead', group: 'marks', keys: [char('A')]},
	{command: 'toggleBookmark', group: 'marks', keys: [char('m')]},
	{command: 'bookmarks', group: 'marks', keys: [char('B')]},
	{command: 'openLink', group: 'links', keys: [char('o')]},
	{command: 'copyLink', group: 'links', keys: [char('y')]},
	{command: 'help', group: 'other', keys: [char('?')]},
	{command: 'quit', group: 'other', keys: [char('q'), {input: 'c', ctrl: true, label: 'Ctrl+C'}]},
];

const NAMED_KEYS: Record<string, KeyName | ' '> = {
	enter: 'return', return: 'return', esc: 'escape', escape: 'escape', tab: 'tab', backspace: 'backspace', up: 'upArrow', down: 'downArrow',
	pgup: 'pageUp', pageup: 'pageUp', pgdn: 'pageDown', pagedown: 'pageDown', home: 'home', end: 'end', space: ' ',
};

const LABELS: Partial<Record<KeyName, string>> = {return: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace', upArrow: 'Up', downArrow: 'Down', pageUp: 'PgUp', pageDown: 'PgDn', home: 'Home', end: 'End'};

/** A key as the configuration names it: a character, a key's name, Shift+Tab or Ctrl+letter. */
export function parseKey(text: string): KeySpec[] | undefined {
	const ctrl = /^ctrl\+(.)$/i.exec(text);
	if (ctrl) return /[a-z]/i.test(ctrl[1]!) ? [{input: ctrl[1]!.toLowerCase(), ctrl: true, label: `Ctrl+${ctrl[1]!.toUpperCase()}`}] : undefined;
	if (/^shift\+tab$/i.test(text)) return [named('tab', 'Shift+Tab', true)];
	if (Array.from(text).length === 1) return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(text) ? [char(text)] : undefined;
	const name = Object.hasOwn(NAMED_KEYS, text.toLowerCase()) ? NAMED_KEYS[text.toLowerCase()] : undefined;
	if (!name) return undefined;
	if (name === ' ') return [char(' ', 'Space')];
	// Ink reports the Backspace key as `delete`.
	if (name === 'backspace') return [named('backspace', 'Backspace'), named('delete', 'Backspace')];
	return [named(name, LABELS[name]!)];
}

export type KeyProblem = {command: string; message: string};

/**
 * The key table with the configured keys in place of the defaults. A key given to two commands
 * goes to the configured one, and leaves the other.
 */
export function bindKeys(overrides: Record<string, string[]>): {bindings: Binding[]; problems: KeyProblem[]} {
	const problems: KeyProblem[] = [];
	const given = new Map<Command, KeySpec[]>();
	for (const [command, keys] of Object.entries(overrides)) {
		if (!defaultBindings.some((binding) => binding.command === command)) {
			problems.push({command, message: `not a command (${defaultBindings.map((binding) => binding.command).join(', ')})`});
			continue;
		}
		const specs: KeySpec[] = [];
		for (const key of keys) {
			const parsed = parseKey(key);
			if (parsed) specs.push(...parsed);
			else problems.push({command, message: `“${key}” is not a key docbao knows (a character, Enter, Esc, Tab, Shift+Tab, Space, Backspace, Up, Down, PgUp, PgDn, Home, End, Ctrl+X)`});
		}
		given.set(command as Command, specs);
	}
	const same = (a: KeySpec, b: KeySpec) => a.input === b.input && a.key === b.key && Boolean(a.ctrl) === Boolean(b.ctrl) && Boolean(a.shift) === Boolean(b.shift);
	// One key for two configured commands: which one was meant cannot be known.
	const commands = [...given.keys()];
	for (const [index, command] of commands.entries()) {
		for (const other of commands.slice(index + 1)) {
			const shared = given.get(command)!.find((spec) => given.get(other)!.some((theirs) => same(spec, theirs)));
			if (shared) problems.push({command: other, message: `${shared.label} is given to ${command} too`});
		}
	}
	const taken = [...given.values()].flat();
	const bindings = defaultBindings.map((binding) => ({
		...binding,
		keys: given.get(binding.command) ?? binding.keys.filter((spec) => !taken.some((other) => same(spec, other))),
	}));
	return {bindings, problems};
}

function matches(spec: KeySpec, input: string, key: KeyFlags): boolean {
	if (spec.ctrl !== undefined && Boolean(key.ctrl) !== spec.ctrl) return false;
	if (spec.key) return Boolean(key[spec.key]) && Boolean(key.shift) === Boolean(spec.shift);
	return (spec.ctrl || !key.ctrl) && !key.meta && input === spec.input;
}

/** The command bound to one key press: a single character, or a named key with its modifiers. */
export function commandFor(bindings: readonly Binding[], input: string, key: KeyFlags): Command | undefined {
	for (const binding of bindings) {
		if (binding.keys.some((spec) => matches(spec, input, key))) return binding.command;
	}
	return undefined;
}

export function keyLabels(bindings: readonly Binding[], command: Command): string[] {
	const labels = bindings.find((binding) => binding.command === command)?.keys.map((spec) => spec.label) ?? [];
	return [...new Set(labels)];
}

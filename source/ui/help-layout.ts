// The help's lines for a width: each command's keys and description, from the key table in force
// and the reader's language, wrapped so nothing is cut at any width. Wide, the keys stand in a
// column beside the descriptions; narrow, above them.
import {wrapText} from '../text/wrap';
import {textWidth} from '../text/width';
import {keyLabels, type Binding} from './keymap';
import type {Messages} from './messages';

export type HelpLine = {text: string; heading: boolean};

// Beyond this, a key column would leave the descriptions too little room.
const WIDEST_KEY_COLUMN = 24;

let last: {keys: readonly Binding[]; text: Messages; width: number; lines: HelpLine[]} | undefined;

export function helpLines(keys: readonly Binding[], text: Messages, width: number): HelpLine[] {
	if (last && last.keys === keys && last.text === text && last.width === width) return last.lines;
	const lines: HelpLine[] = [];
	const labels = keys.map((binding) => keyLabels(keys, binding.command).join(', ') || '—');
	const keyColumn = Math.min(WIDEST_KEY_COLUMN, Math.max(...labels.map((label) => textWidth(label)))) + 4;
	const beside = width - keyColumn >= 24;
	let group = '';
	for (const [index, binding] of keys.entries()) {
		if (binding.group !== group) {
			group = binding.group;
			if (lines.length > 0) lines.push({text: '', heading: false});
			lines.push({text: text.groups[binding.group], heading: true});
		}
		const label = labels[index]!;
		const description = text.commands[binding.command];
		if (beside && textWidth(label) + 4 <= keyColumn) {
			const wrapped = wrapText(description, width - keyColumn);
			wrapped.forEach((line, at) => lines.push({text: (at === 0 ? `  ${label}`.padEnd(keyColumn) : ' '.repeat(keyColumn)) + line, heading: false}));
		} else {
			for (const line of wrapText(label, Math.max(1, width - 2))) lines.push({text: `  ${line}`, heading: false});
			for (const line of wrapText(description, Math.max(1, width - 6))) lines.push({text: `      ${line}`, heading: false});
		}
	}
	last = {keys, text, width, lines};
	return lines;
}

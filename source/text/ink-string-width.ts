// string-width as the bundle hands it to Ink and its helpers, which measure every line of every
// frame: text in the one-column scripts (Vietnamese among them) is counted, the rest measured by
// string-width itself. scripts/build.mjs points their `string-width` imports here.
import stringWidth, {type Options} from 'string-width';
import {narrowWidth} from './width';

// Ink measures styled text too (a search match in reverse video): its colour codes take no
// columns, so without them the text can still be counted. Page text never holds an escape (it is
// sanitised first), so every one here is Ink's own.
const COLOUR_CODES = /\u001b\[[0-9;]*m/g;

export default function inkStringWidth(text: string, options?: Options): number {
	if (options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) return stringWidth(text, options);
	const plain = text.includes('\u001b') ? text.replace(COLOUR_CODES, '') : text;
	return (plain.includes('\u001b') ? undefined : narrowWidth(plain)) ?? stringWidth(text, options);
}

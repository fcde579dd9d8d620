// string-width as the bundle hands it to Ink and its helpers, which measure every line of every
// frame: text in the one-column scripts (Vietnamese among them) is counted, the rest measured by
// string-width itself. scripts/build.mjs points their `string-width` imports here.
import stringWidth, {type Options} from 'string-width';
import {narrowWidth} from './width';

export default function inkStringWidth(text: string, options?: Options): number {
	if (options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) return stringWidth(text, options);
	return narrowWidth(text) ?? stringWidth(text, options);
}

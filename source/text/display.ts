// Page text in the form a terminal can lay out. Emoji sequences are where terminals and
// string-width disagree on columns: a ZWJ family is one glyph two columns wide to string-width but
// three glyphs six columns wide in most terminals, a skin-tone modifier or a VS16 adds or drops a
// column. Splitting such sequences into their plain emoji makes every terminal count the same
// columns docbao counts, so borders stay in place. JSON output keeps the text as it was.
import {sanitizeForTerminal} from './sanitize';

const SEQUENCE_PARTS = /[\u00ad\u200d\u20e3\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
const VARIATION_SELECTORS = /[\ufe0e\ufe0f]/g;
const JOINER_BETWEEN_PICTOGRAPHS = /(?<=\p{Extended_Pictographic})\u200d(?=\p{Extended_Pictographic})/gu;
const SKIN_TONES_AND_TAGS = /[\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;
const KEYCAP = /(?<=[0-9#*])\u20e3/g;
const SOFT_HYPHEN = /\u00ad/g;

export function displayText(text: string): string {
	const safe = sanitizeForTerminal(text);
	if (!SEQUENCE_PARTS.test(safe)) return safe;
	return safe
		.replace(VARIATION_SELECTORS, '')
		.replace(JOINER_BETWEEN_PICTOGRAPHS, '')
		.replace(SKIN_TONES_AND_TAGS, '')
		.replace(KEYCAP, '')
		.replace(SOFT_HYPHEN, '');
}

// Page text as the parser wants it: NFC, LF line ends, no NUL, and each line with its runs of
// white space folded and its edges trimmed. Whether a line started with white space is kept,
// because some sites mark photo captions that way.

export type PageLine = {
	text: string;
	/** The raw line started with white space (a space or a non-breaking space). */
	indented: boolean;
};

const NON_ASCII = /[^\u0000-\u007f]/;

export function normalizeText(text: string): string {
	let result = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
	if (result.includes('\u0000')) result = result.replaceAll('\u0000', '');
	if (result.charCodeAt(0) === 0xfeff) result = result.slice(1);
	return NON_ASCII.test(result) ? result.normalize('NFC') : result;
}

const WHITE_RUN = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|\t/g;
const LEADING_WHITE = /^[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

// Folding runs in one pass over the whole text is much faster than a pass per line.
const foldWhiteRuns = (text: string) => text.replace(WHITE_RUN, ' ');

/** The page's non-empty lines, cleaned. `text` must already be normalised. */
export function pageLines(normalized: string): PageLine[] {
	const text = foldWhiteRuns(normalized);
	const lines: PageLine[] = [];
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		const raw = text.slice(start, end);
		const cleaned = raw.trim();
		if (cleaned !== '') lines.push({text: cleaned, indented: LEADING_WHITE.test(raw)});
		start = end + 1;
	}
	return lines;
}

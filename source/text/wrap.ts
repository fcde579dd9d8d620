// Word wrapping to a column width. Each word is measured on its own, so a paragraph of any length
// wraps in linear time; a word wider than the line is broken between graphemes.
import {graphemes, textWidth} from './width';

/** The graphemes of a word, a grapheme wider than the line split into its code points. */
function* fittingPieces(word: string, width: number): Generator<[string, number]> {
	for (const grapheme of graphemes(word)) {
		const w = grapheme.length === 1 && grapheme < '\u007f' ? 1 : textWidth(grapheme);
		if (w <= width || grapheme.length === 1) yield [grapheme, w];
		else for (const point of grapheme) yield [point, textWidth(point)];
	}
}

function breakWord(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let pieceWidth = 0;
	for (const [grapheme, w] of fittingPieces(word, width)) {
		if (pieceWidth + w > width && piece !== '') {
			pieces.push(piece);
			piece = '';
			pieceWidth = 0;
		}
		piece += grapheme;
		pieceWidth += w;
	}
	if (piece !== '') pieces.push(piece);
	return pieces;
}

/**
 * Wraps one paragraph onto `lines`. Words are found by position and a line that keeps the
 * paragraph's own single spaces is cut out of it in one piece, so a paragraph of megabytes makes
 * one string per line, not one per word.
 */
function wrapParagraph(paragraph: string, limit: number, lines: string[]): void {
	// Where the paragraph's spacing is not single, lines are joined from their words instead.
	const sliceable = !paragraph.includes('  ') && !paragraph.startsWith(' ');
	let words: string[] = [];
	let start = -1;
	let end = 0;
	let lineWidth = 0;
	const flush = () => {
		if (start !== -1) lines.push(sliceable ? paragraph.slice(start, end) : words.join(' '));
		words = [];
		start = -1;
		lineWidth = 0;
	};
	let at = 0;
	for (;;) {
		const space = paragraph.indexOf(' ', at);
		const wordEnd = space === -1 ? paragraph.length : space;
		if (wordEnd > at) {
			const word = paragraph.slice(at, wordEnd);
			const wordWidth = textWidth(word);
			if (wordWidth > limit) {
				flush();
				const pieces = breakWord(word, limit);
				for (let i = 0; i < pieces.length - 1; i++) lines.push(pieces[i]!);
				// The last piece begins the next line, as a word of its own.
				const last = pieces.at(-1) ?? '';
				start = wordEnd - last.length;
				end = wordEnd;
				words = [last];
				lineWidth = textWidth(last);
			} else if (start === -1 || lineWidth + 1 + wordWidth > limit) {
				flush();
				start = at;
				end = wordEnd;
				words = sliceable ? [] : [word];
				lineWidth = wordWidth;
			} else {
				end = wordEnd;
				if (!sliceable) words.push(word);
				lineWidth += 1 + wordWidth;
			}
		}
		if (space === -1) break;
		at = space + 1;
	}
	if (start === -1) lines.push('');
	else flush();
}

/**
 * Lines of at most `width` columns. Words are split only when longer than a line. A width of
 * Infinity leaves the text on one line. Newlines in the text start new lines.
 */
export function wrapText(text: string, width: number): string[] {
	if (!Number.isFinite(width)) return text.split('\n');
	const limit = Math.max(1, Math.floor(width));
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) wrapParagraph(paragraph, limit, lines);
	return lines;
}

/** The text cut to at most `width` columns, ending in `…` when cut. */
export function truncateText(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	let result = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		const w = textWidth(grapheme);
		if (used + w > width - 1) break;
		result += grapheme;
		used += w;
	}
	return result + '…';
}

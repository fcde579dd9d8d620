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
 * Lines of at most `width` columns. Words are split only when longer than a line. A width of
 * Infinity leaves the text on one line. Newlines in the text start new lines.
 */
export function wrapText(text: string, width: number): string[] {
	if (!Number.isFinite(width)) return text.split('\n');
	const limit = Math.max(1, Math.floor(width));
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		let lineWidth = 0;
		for (const word of paragraph.split(' ')) {
			if (word === '') continue;
			const wordWidth = textWidth(word);
			if (wordWidth > limit) {
				if (line !== '') lines.push(line);
				const pieces = breakWord(word, limit);
				for (let i = 0; i < pieces.length - 1; i++) lines.push(pieces[i]!);
				line = pieces.at(-1) ?? '';
				lineWidth = textWidth(line);
			} else if (line === '') {
				line = word;
				lineWidth = wordWidth;
			} else if (lineWidth + 1 + wordWidth <= limit) {
				line += ' ' + word;
				lineWidth += 1 + wordWidth;
			} else {
				lines.push(line);
				line = word;
				lineWidth = wordWidth;
			}
		}
		lines.push(line);
	}
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

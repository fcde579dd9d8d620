// Column widths of page text. string-width and Intl.Segmenter slow down badly on long strings
// (segmenting is quadratic on Node 20), so text is measured a word at a time, and a long run
// without spaces is cut into short chunks before it is segmented.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const CHUNK = 200;
// Created on first use: building a segmenter loads ICU data, which costs a start-up that never wraps.
let segmenter: Intl.Segmenter | undefined;

export function textWidth(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	if (text.length <= CHUNK) return stringWidth(text);
	let width = 0;
	for (const piece of chunks(text)) width += stringWidth(piece);
	return width;
}

// A cut must not fall inside a grapheme cluster: step past combining marks, joiners, variation
// selectors and low surrogates before cutting.
const CONTINUES_CLUSTER = /[\p{M}\u200c\u200d\ufe00-\ufe0f\udc00-\udfff]|\p{Emoji_Modifier}/u;

export function* chunks(text: string, size = CHUNK): Generator<string> {
	let start = 0;
	while (start < text.length) {
		let end = Math.min(start + size, text.length);
		while (end < text.length && end - start < size * 2 && CONTINUES_CLUSTER.test(text[end]! + (text[end + 1] ?? ''))) end++;
		yield text.slice(start, end);
		start = end;
	}
}

export function* graphemes(text: string): Generator<string> {
	for (const piece of chunks(text)) {
		if (PRINTABLE_ASCII.test(piece)) {
			yield* piece;
			continue;
		}
		segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		for (const {segment} of segmenter.segment(piece)) yield segment;
	}
}

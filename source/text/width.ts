// Column widths of page text. string-width and Intl.Segmenter slow down badly on long strings
// (segmenting is quadratic on Node 20), so text is measured a word at a time, and a long run
// without spaces is cut into short chunks before it is segmented.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
// Alphabetic scripts whose every character takes one column, and their combining marks, which
// take none: Latin (Vietnamese included), Greek, Cyrillic and common punctuation. Text made only
// of these is measured by counting, without string-width, which is far slower.
const NARROW_ONLY = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u036f\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u052f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;
const COMBINING = /\p{M}/gu;
const CHUNK = 200;
// Created on first use: building a segmenter loads ICU data, which costs a start-up that never wraps.
let segmenter: Intl.Segmenter | undefined;

/** The width of text in the one-column scripts, counted; undefined for anything else. */
export function narrowWidth(text: string): number | undefined {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	if (text.length <= CHUNK * 4 && NARROW_ONLY.test(text)) return text.length - (text.match(COMBINING)?.length ?? 0);
	return undefined;
}

// Characters that stand alone, one grapheme each, two columns wide in every terminal: CJK
// ideographs (with extension A and the compatibility block), kana, precomposed Hangul syllables,
// CJK punctuation and fullwidth forms. Text of these (and one-column ones) is counted, not
// segmented and measured, which is many times faster for Chinese, Japanese and Korean pages.
const WIDE_STANDALONE = /[\u3000-\u3029\u3030-\u303e\u3041-\u3096\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]/;
const SIMPLE_ONLY = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u3000-\u3029\u3030-\u303e\u3041-\u3096\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]*$/;

/** The width of text made only of standalone one- and two-column characters; undefined otherwise. */
function simpleWidth(text: string): number | undefined {
	if (!SIMPLE_ONLY.test(text)) return undefined;
	let width = 0;
	for (let i = 0; i < text.length; i++) width += WIDE_STANDALONE.test(text[i]!) ? 2 : 1;
	return width;
}

/** Whether each UTF-16 unit of the text is a grapheme of its own (see simpleWidth). */
const isSimple = (text: string) => SIMPLE_ONLY.test(text);

export function textWidth(text: string): number {
	const narrow = narrowWidth(text) ?? (text.length <= CHUNK * 4 ? simpleWidth(text) : undefined);
	if (narrow !== undefined) return narrow;
	if (text.length <= CHUNK) return stringWidth(text);
	let width = 0;
	for (const piece of chunks(text)) width += simpleWidth(piece) ?? stringWidth(piece);
	return width;
}

// A cut must not fall inside a grapheme cluster: step past combining marks, joiners, variation
// selectors and low surrogates before cutting.
const CONTINUES_CLUSTER = /[\p{M}\u200c\u200d\ufe00-\ufe0f\udc00-\udfff]|\p{Emoji_Modifier}/u;

function* chunks(text: string, size = CHUNK): Generator<string> {
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
		if (PRINTABLE_ASCII.test(piece) || isSimple(piece)) {
			yield* piece;
			continue;
		}
		segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		for (const {segment} of segmenter.segment(piece)) yield segment;
	}
}

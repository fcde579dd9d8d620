// Keys for comparing and searching text the way a reader would: case, diacritics (đ included),
// punctuation and zero-width characters do not matter.

const MARKS = /\p{M}+/gu;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function foldCharacters(text: string): string {
	return text
		.replace(INVISIBLE, '')
		.normalize('NFD')
		.replace(MARKS, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase();
}

/** A key for matching titles: folded, with every run of non-letters a single space. */
export function foldKey(text: string): string {
	return foldCharacters(text).replace(NOT_WORD, ' ').trim();
}

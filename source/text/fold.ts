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

export type Range = {start: number; end: number};

/**
 * Where the query occurs in the text, compared as folded characters (case, diacritics and
 * zero-width characters ignored). Ranges are offsets into the original text, for highlighting.
 */
export function findFolded(text: string, foldedQuery: string): Range[] {
	if (foldedQuery === '') return [];
	let folded = '';
	const origin: number[] = [];
	let index = 0;
	for (const character of text) {
		const piece = /[\u0000-\u007f]/.test(character) ? character.toLowerCase() : foldCharacters(character);
		for (let i = 0; i < piece.length; i++) origin.push(index);
		folded += piece;
		index += character.length;
	}
	origin.push(index);
	const ranges: Range[] = [];
	for (let at = folded.indexOf(foldedQuery); at !== -1; at = folded.indexOf(foldedQuery, at + foldedQuery.length)) {
		const start = origin[at]!;
		let end = origin[at + foldedQuery.length]!;
		// A match ending on a base letter takes the marks that follow it in the original text.
		while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
		ranges.push({start, end});
	}
	return ranges;
}

export function foldQuery(query: string): string {
	return foldCharacters(query).replace(/\s+/g, ' ');
}

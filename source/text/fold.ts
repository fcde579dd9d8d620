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

// Each folded letter and the letters that fold to it, gathered once from the Latin blocks (NFC
// text carries its diacritics on precomposed letters), so a folded query can be searched for in
// text that was never folded: one regular expression, no folding of the text.
let variants: Map<string, string> | undefined;

function letterVariants(): Map<string, string> {
	if (variants) return variants;
	variants = new Map();
	const ranges: Array<[number, number]> = [[0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x1e00, 0x1eff]];
	for (const [from, to] of ranges) {
		for (let code = from; code <= to; code++) {
			const character = String.fromCodePoint(code);
			const folded = foldCharacters(character);
			if (folded.length !== 1 || folded === character) continue;
			variants.set(folded, (variants.get(folded) ?? folded) + character);
		}
	}
	return variants;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression source that matches, in NFC text, whatever folds to `folded` (a query
 * folded by foldQuery): `quang` matches `Quảng`, `duong` matches `Đường`; a space matches any run
 * of characters between words. Use it with the `u` and `i` flags.
 */
export function foldedPattern(folded: string): string {
	const classes = letterVariants();
	let pattern = '';
	for (const character of folded) {
		if (character === ' ') pattern += '[^\\p{L}\\p{N}]+';
		else {
			const variants = classes.get(character);
			pattern += variants ? `[${escapeRegExp(variants)}]` : escapeRegExp(character);
		}
	}
	return pattern;
}

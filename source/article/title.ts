// The article's title when the line in the headline's place is none: a photo caption or the
// lead's sentence (pages saved without their headline). Then the title is made from the lead's
// first sentence, or from the web address's slug where that is clearly the headline, and the
// article says where its title came from.
import {foldCharacters} from '../text/fold';

export type {TitleSource} from './types';

// A title made from a sentence is cut at a word to this length.
export const TITLE_CHARACTERS = 120;

/** A photo caption: "… (Ảnh: Reuters).", "(ảnh chụp màn hình).", "(Photo: AP)". */
export function isCaption(text: string): boolean {
	return /\((?:ảnh|photo|foto|image|picture|credit|nguồn ảnh)\b[^)]*\)\.?$/iu.test(text) || /^(?:ảnh|photo|foto):\s/iu.test(text);
}

// Longer than this, a line is prose, whatever its end: headlines are shorter.
const HEADLINE_CHARACTERS = 150;

/** A sentence of prose, not a headline: it ends like one and is long like one, or is longer than any headline. */
export function isSentence(text: string): boolean {
	if (text.length > HEADLINE_CHARACTERS) return true;
	return /[.!?…]["”’)]?$/u.test(text) && (text.length > TITLE_CHARACTERS || text.split(/\s+/).length >= 15);
}

/** The first sentence of a text, cut at a word to TITLE_CHARACTERS with "…" when longer. */
export function firstSentence(text: string): string {
	let sentence = text;
	for (const end of text.matchAll(/[.!?…]["”’)]?(?=\s+["“‘(]?\p{Lu})/gu)) {
		// Not after an abbreviation or an initial ("TP.", "V.T.N.A.", "Dr."): a sentence ends after a word.
		const word = /[\p{L}\p{N}.]*$/u.exec(text.slice(0, end.index))![0];
		if (end[0][0] === '.' && (/^\p{Lu}[\p{Lu}.]{0,4}$/u.test(word) || /^(?:dr|mr|mrs|ms|st|prof|gs|ts|ths|pgs)$/i.test(word))) continue;
		sentence = text.slice(0, end.index + end[0].length);
		break;
	}
	if (sentence.length > TITLE_CHARACTERS) {
		const cut = sentence.lastIndexOf(' ', TITLE_CHARACTERS - 1);
		sentence = `${sentence.slice(0, cut > TITLE_CHARACTERS / 2 ? cut : TITLE_CHARACTERS - 1).replace(/[\s,;:–—-]+$/u, '')}…`;
	}
	return sentence;
}

// Letters with marks: in a language written with them (Vietnamese), a slug has lost them.
const MARKED = /[^\u0000-\u024f]|[\u00c0-\u024f]/u;

/**
 * A title from the web address's last part ("…/video-shows-dramatic-rescue-of-kidnapped-girl-565118.html")
 * when it is clearly the headline: four words or more, each found in the page, in a page written
 * without diacritics (a slug cannot give them back).
 */
export function titleFromSlug(url: string | undefined, pageText: string): string | undefined {
	if (!url) return undefined;
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		return undefined;
	}
	let slug: string;
	try {
		slug = decodeURIComponent(path.split('/').filter(Boolean).at(-1) ?? '');
	} catch {
		// A malformed escape: the address says nothing that can be read.
		return undefined;
	}
	slug = slug.replace(/\.[a-z]{2,5}$/i, '').replace(/[-_]\d{5,}$/, '');
	const words = slug.split(/[-_]+/).filter(Boolean);
	if (words.length < 4 || words.some((word) => /\d{5,}/.test(word))) return undefined;
	const letters = pageText.match(/\p{L}/gu) ?? [];
	if (letters.filter((letter) => MARKED.test(letter)).length > letters.length / 50) return undefined;
	const folded = ` ${foldCharacters(pageText).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
	if (!words.every((word) => folded.includes(` ${foldCharacters(word)} `))) return undefined;
	const title = words.join(' ');
	return title[0]!.toUpperCase() + title.slice(1);
}

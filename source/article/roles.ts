// What each line of a page is, and the small tests that decide it: words, kickers, datelines.
import type {PageLine} from '../text/normalize';
import type {DateSource} from './types';
import {sectionHeading} from './chrome';
import {foldCharacters} from '../text/fold';
import {findDate, parseCompactDate} from './dates';

export type Role =
	| 'meta'
	| 'chrome'
	| 'masthead'
	| 'boilerplate'
	| 'heading'
	| 'kicker'
	| 'title'
	| 'dateline'
	| 'body'
	| 'related'
	| 'comment';

export type RoledLine = PageLine & {role: Role};

export type Meta = {url?: string; date?: string; docId?: string};

export const SHORT_PAGE_LINES = 30;
export const HEAD_WINDOW = 12;

/** The number of words, counted up to `limit` (enough to compare with a bound, on a line of any length). */
export function wordCount(text: string, limit = 64): number {
	return text.split(' ', limit).length;
}

/** A short line, not a sentence, that ends in a colon: the label sites print above a headline. */
export function isKicker(text: string): boolean {
	return text.endsWith(':') && wordCount(text) <= 16 && !/[.!?]\s/.test(text);
}

/** A line that is a date and little else. */
export function isDateline(text: string): boolean {
	if (text.length > 120) return false;
	const date = findDate(text);
	if (!date) return false;
	const rest = text.slice(0, date.index) + text.slice(date.index + date.length);
	return wordCount(rest.trim()) <= 6;
}

export function isSubstantial(text: string): boolean {
	return /\p{L}/u.test(text) && (wordCount(text) >= 2 || text.length >= 20);
}

export function candidateLines(lines: PageLine[], roles: Role[], limit = Number.POSITIVE_INFINITY): number[] {
	const candidates: number[] = [];
	for (let i = 0; i < lines.length && candidates.length < limit; i++) {
		if (roles[i] === undefined && !sectionHeading(lines[i]!.text)) candidates.push(i);
	}
	return candidates;
}

/**
 * Marks the title, its dateline, and the kicker above it. `strictKicker`: on a whole page, where
 * widgets' labels ("Up next:", "Text Input:") stand above headlines too, a kicker is a label in
 * capitals ("BREAKING:") or one that shares a word with the headline.
 */
export function markTitle(lines: PageLine[], roles: Role[], candidates: number[], title: number, dateline?: number, strictKicker = false): void {
	const previous = candidates[candidates.indexOf(title) - 1];
	const fits = (kicker: string) => !strictKicker || /^[\p{Lu}\d\s]+:$/u.test(kicker) || sharesWord(kicker, lines[title]!.text);
	if (previous !== undefined && previous !== dateline && isKicker(lines[previous]!.text) && fits(lines[previous]!.text)) roles[previous] = 'kicker';
	if (dateline !== undefined) roles[dateline] = 'dateline';
	roles[title] = 'title';
}

/** Whether two lines share a word of four letters or more (case and marks aside). */
function sharesWord(a: string, b: string): boolean {
	const words = (text: string) => new Set(foldCharacters(text).match(/[\p{L}\p{N}]{4,}/gu) ?? []);
	const mine = words(b);
	return [...words(a)].some((word) => mine.has(word));
}

export function publishedFrom(dateline: string | undefined, meta: Meta): {published: string; dateSource: DateSource} | undefined {
	const fromLine = dateline ? findDate(dateline)?.iso : undefined;
	if (fromLine) return {published: fromLine, dateSource: 'dateline'};
	const fromHeader = meta.date ? parseCompactDate(meta.date) : undefined;
	return fromHeader ? {published: fromHeader, dateSource: 'metadata'} : undefined;
}

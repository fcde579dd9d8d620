// Lines a site prints on many of its pages — menus, footers, teaser boxes — are not any one
// article's text. Pages of one folder of a crawl usually come from one site; the lines that recur
// across a sample of its *different* pages are handed to the parser as furniture. Crawls hold the
// same article many times over: copies of one page count as one page, or the article's own
// sentences would pass for furniture and be cut from it.
import type {PathLike} from 'node:fs';
import {decodeBytes, looksBinary, trimPartialCharacter} from '../text/decode';
import {normalizeText, pageLines} from '../text/normalize';
import {readFileHead} from './bounded-read';

const SAMPLE_PAGES = 40;
const MINIMUM_PAGES = 4;
// Furniture stands at the top and bottom of a page, and a sample needs no more than a page's usual
// size: a huge sibling is not read whole to learn its menus.
const SAMPLE_BYTES = 256 * 1024;

export type SamplePage = {path: PathLike; label: string};

function readSample(page: SamplePage, buffer: Buffer): string | undefined {
	try {
		const bytes = readFileHead(page.path, page.label, buffer);
		if (looksBinary(bytes)) return undefined;
		return decodeBytes(bytes.length === buffer.length ? trimPartialCharacter(bytes) : bytes);
	} catch {
		return undefined;
	}
}

// Lines of this many words are prose: an article's own sentences, or a site's longer promotions.
const PROSE_WORDS = 8;
// Two pages that share this much of their prose (of the one with less) are one page saved twice,
// whatever else differs between them: a comment added, a session token, a new teaser box.
const SAME_PAGE_SHARE = 0.7;

type Group = {prose: Set<string>; lines: Set<string>};

function isCopy(prose: Set<string>, group: Group): boolean {
	const smaller = Math.min(prose.size, group.prose.size);
	if (smaller === 0) return false;
	let shared = 0;
	for (const line of prose) if (group.prose.has(line)) shared++;
	return shared >= SAME_PAGE_SHARE * smaller;
}

/**
 * The lines found on at least three of the sampled different pages, and on at least a fifth of
 * them. Copies of a page are grouped first and count as one page.
 */
export function recurringLines(pages: SamplePage[]): Set<string> {
	const lines = new Set<string>();
	if (pages.length < MINIMUM_PAGES) return lines;
	const step = Math.max(1, pages.length / SAMPLE_PAGES);
	const groups: Group[] = [];
	const buffer = Buffer.allocUnsafe(SAMPLE_BYTES);
	for (let position = 0, sampled = 0; position < pages.length && sampled < SAMPLE_PAGES; position += step) {
		const text = readSample(pages[Math.floor(position)]!, buffer);
		if (text === undefined) continue;
		sampled++;
		const own = new Set(pageLines(normalizeText(text)).map((entry) => entry.text));
		const prose = new Set([...own].filter((line) => line.split(' ', PROSE_WORDS).length >= PROSE_WORDS));
		const group = groups.find((candidate) => isCopy(prose, candidate));
		if (group) {
			for (const line of own) group.lines.add(line);
			for (const line of prose) group.prose.add(line);
		} else groups.push({prose, lines: own});
	}
	const counts = new Map<string, number>();
	for (const group of groups) for (const line of group.lines) counts.set(line, (counts.get(line) ?? 0) + 1);
	const needed = Math.max(3, Math.ceil(groups.length / 5));
	for (const [line, count] of counts) if (count >= needed) lines.add(line);
	return lines;
}

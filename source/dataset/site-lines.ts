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

/**
 * What tells one page from another: its longest line, which is article text on an article page.
 * Two copies of a page, or one page saved twice with other furniture, share it.
 */
function identity(lines: string[]): string {
	let longest = '';
	for (const line of lines) if (line.length > longest.length) longest = line;
	return longest;
}

/** The lines found on at least three of the sampled different pages, and on at least a fifth of them. */
export function recurringLines(pages: SamplePage[]): Set<string> {
	const lines = new Set<string>();
	if (pages.length < MINIMUM_PAGES) return lines;
	const step = Math.max(1, pages.length / SAMPLE_PAGES);
	const counts = new Map<string, number>();
	const seen = new Set<string>();
	const buffer = Buffer.allocUnsafe(SAMPLE_BYTES);
	for (let position = 0; position < pages.length && seen.size < SAMPLE_PAGES; position += step) {
		const text = readSample(pages[Math.floor(position)]!, buffer);
		if (text === undefined) continue;
		const own = [...new Set(pageLines(normalizeText(text)).map((entry) => entry.text))];
		const key = identity(own);
		if (seen.has(key)) continue;
		seen.add(key);
		for (const line of own) counts.set(line, (counts.get(line) ?? 0) + 1);
	}
	const needed = Math.max(3, Math.ceil(seen.size / 5));
	for (const [line, count] of counts) if (count >= needed) lines.add(line);
	return lines;
}

// Lines a site prints on many of its pages — menus, footers, teaser boxes — are not any one
// article's text. Pages of one folder of a crawl usually come from one site; the lines that
// recur across a sample of them are handed to the parser as furniture.
import {normalizeText, pageLines} from '../text/normalize';

const SAMPLE_PAGES = 40;
const MINIMUM_PAGES = 4;

/** The lines found on at least three of the sampled pages, and on at least a fifth of them. */
export function recurringLines(paths: string[], read: (path: string) => string | undefined): Set<string> {
	const lines = new Set<string>();
	if (paths.length < MINIMUM_PAGES) return lines;
	const step = Math.max(1, paths.length / SAMPLE_PAGES);
	const counts = new Map<string, number>();
	let sampled = 0;
	for (let position = 0; position < paths.length && sampled < SAMPLE_PAGES; position += step) {
		const text = read(paths[Math.floor(position)]!);
		if (text === undefined) continue;
		sampled++;
		for (const line of new Set(pageLines(normalizeText(text)).map((entry) => entry.text))) counts.set(line, (counts.get(line) ?? 0) + 1);
	}
	const needed = Math.max(3, Math.ceil(sampled / 5));
	for (const [line, count] of counts) if (count >= needed) lines.add(line);
	return lines;
}

// Whole pages from any site: the headline repeated from the browser title, the article as the
// best run of scored lines (see body.ts), the dateline near it, and everything else furniture.
import type {PageLine} from '../text/normalize';
import {sectionHeading} from './chrome';
import {parseComment} from './comments';
import {articleRun, FURNITURE_SCORE, isFurniture, lineFeatures, lineScore, stopKind, type LineFeatures, type Stop} from './body';
import {candidateLines, isDateline, isSubstantial, markTitle, SHORT_PAGE_LINES, wordCount, type Role} from './roles';

const wordSet = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * The headline of a whole page. Pages saved with their <title> first repeat the headline, without
 * the site's name, above the article: the later line that shares most of its words with the first
 * line. Without one, the first substantial line is the headline.
 */
function findTitle(lines: PageLine[], candidates: number[], short: boolean): number {
	// A short page has no room for a masthead: a one-word headline ("Flooding") is its headline.
	const usable = (text: string) => (short ? /\p{L}/u.test(text) && !isFurniture(text) : isSubstantial(text));
	const firstPosition = Math.max(0, candidates.findIndex((i) => usable(lines[i]!.text)));
	const first = candidates[firstPosition]!;
	const reference = wordSet(lines[first]!.text);
	let best = first;
	let bestOverlap = 0;
	for (let position = firstPosition + 1; position < candidates.length; position++) {
		const text = lines[candidates[position]!]!.text;
		// A headline is short and does not end like a sentence.
		if (text.length > 300 || text.endsWith('.') || isFurniture(text)) continue;
		const own = wordSet(text);
		if (own.size < 4) continue;
		let shared = 0;
		for (const word of own) if (reference.has(word)) shared++;
		// Most of its words from the first line, and as much of the first line as any other.
		const coverage = shared / reference.size;
		if (shared / own.size >= 0.6 && coverage >= 0.5 && coverage > bestOverlap) {
			best = candidates[position]!;
			bestOverlap = coverage;
		}
	}
	return best;
}

const TITLE_SEPARATOR = /\s+(?:[|–—-]|::)\s+/g;
const DOMAIN = /\b[\p{L}\p{N}-]+\.(?:[a-z]{2,6})\b/iu;

/**
 * A browser title without the site's name after its last separator (`Headline - Site.com`,
 * `Headline | Site`): the name is known for one by its domain or by standing alone elsewhere on the page.
 */
function withoutSiteName(title: string, lines: PageLine[]): string {
	const separators = [...title.matchAll(TITLE_SEPARATOR)];
	const last = separators.at(-1);
	if (!last) return title;
	const headline = title.slice(0, last.index).trim();
	const site = title.slice(last.index + last[0].length).trim();
	if (wordCount(headline) < 3 || wordCount(site) > 4) return title;
	return DOMAIN.test(site) || lines.some((line) => line.text === site) ? headline : title;
}

// A run this strong is a real article text, not a byline or a teaser.
const ARTICLE_SCORE = 8;
const DATELINE_SEARCH_LINES = 12;
const SECTION_LINES = 24;

/**
 * Any other page: the article text is a run of lines that scores well (see body.ts), between
 * lines that end an article: the strongest run after the headline, with the strong runs that only
 * a heading separates from it. Everything else is site furniture.
 */
/**
 * A line that reads as a sentence of prose: on a short page it is the article's, even when it
 * matches a furniture pattern ("Residents can sign up for a slot at the library.").
 */
function readsAsSentence(features: LineFeatures): boolean {
	return features.sentence && features.words >= 5 && features.stopRatio > 0;
}

export function markWholePage(lines: PageLine[], roles: Role[], siteLines: ReadonlySet<string>): void {
	const candidates = candidateLines(lines, roles);
	if (candidates.length === 0) return;
	const short = lines.length < SHORT_PAGE_LINES;
	const title = findTitle(lines, candidates, short);
	const titlePosition = candidates.indexOf(title);
	// The lines after the title, each looked at once: furniture, a stop, a section heading, or a score.
	// Section headings and article ends split them into stretches.
	const sequence: number[] = [];
	for (let i = title + 1; i < lines.length; i++) if (roles[i] === undefined) sequence.push(i);
	const looks = new Map<number, {furniture: boolean; stop: Stop | undefined; heading: ReturnType<typeof sectionHeading>}>();
	const scores = sequence.map((i): number | Stop => {
		const text = lines[i]!.text;
		const features = lineFeatures(text);
		// A short page has no room for furniture: what reads as a sentence is the article's.
		const kept = short && readsAsSentence(features);
		const siteLine = siteLines.has(text) && !kept;
		const look = {furniture: (features.furniture || siteLine) && !kept, stop: stopKind(text), heading: sectionHeading(text)};
		looks.set(i, look);
		if (siteLine) return FURNITURE_SCORE;
		return look.stop ?? (look.heading ? 'soft' : lineScore(features));
	});
	// On a short page all of it after the title is taken as the article.
	const chosen = short ? undefined : articleRun(scores, ARTICLE_SCORE);
	const articleLines = chosen ? chosen.parts.flatMap((part) => sequence.slice(part.start, part.end + 1)) : sequence;
	const found = candidates.indexOf(articleLines[0] ?? title);
	const articleStart = found === -1 ? titlePosition + 1 : found;

	let dateline: number | undefined;
	const searchEnd = Math.min(candidates.length, articleStart + 3);
	for (let position = Math.max(titlePosition + 1, articleStart - DATELINE_SEARCH_LINES); position < searchEnd; position++) {
		if (isDateline(lines[candidates[position]!]!.text)) {
			dateline = candidates[position];
			break;
		}
	}
	markTitle(lines, roles, candidates, title, dateline);
	if (title === candidates[0] && !short) lines[title]!.text = withoutSiteName(lines[title]!.text, lines);
	const inArticle = new Set(articleLines);
	// Menus and widgets are full of "Comments" and "Read more": only a heading after the article opens a section.
	const articleEnd = articleLines.at(-1) ?? lines.length;
	const datelineText = dateline === undefined ? undefined : lines[dateline]!.text;
	let section: Role = 'body';
	let sectionLines = 0;
	for (let i = 0; i < lines.length; i++) {
		if (roles[i] !== undefined) continue;
		if (i < title) {
			roles[i] = 'masthead';
			continue;
		}
		const text = lines[i]!.text;
		const look = looks.get(i)!;
		const heading = i > articleEnd ? look.heading : undefined;
		// After the article a page's sections run into its footer: one ends at furniture or a stop.
		if (section !== 'body' && (look.furniture || look.stop || ++sectionLines > SECTION_LINES)) section = 'body';
		if (heading) {
			roles[i] = 'heading';
			section = heading === 'related' ? 'related' : 'comment';
			sectionLines = 0;
		} else if (section === 'related') {
			roles[i] = 'related';
		} else if (section === 'comment') {
			// A comment carries a reply mark or a signature; the rest is the comment form's furniture.
			const comment = parseComment(text);
			roles[i] = comment.author !== null || comment.topic !== null ? 'comment' : 'boilerplate';
		} else {
			// A dateline the page prints twice is the article's only once.
			roles[i] = inArticle.has(i) && text !== datelineText && !look.furniture ? 'body' : 'boilerplate';
		}
	}
}


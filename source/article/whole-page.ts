// Whole pages from any site: the headline repeated from the browser title, the article as the
// best run of scored lines (see body.ts), the dateline near it, and everything else furniture.
import type {PageLine} from '../text/normalize';
import {sectionHeading} from './chrome';
import {parseComment} from './comments';
import {articleRun, FURNITURE_SCORE, isFurniture, lineFeatures, lineScore, stopKind, type LineFeatures, type Stop} from './body';
import {candidateLines, isDateline, isSubstantial, markTitle, SHORT_PAGE_LINES, wordCount, type Role} from './roles';
import {findDate} from './dates';
import {isAddressLike, isBreadcrumb, isNameLine, withoutSiteName} from './title-shape';

const wordSet = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * The headline of a whole page. Pages saved with their <title> first repeat the headline, without
 * the site's name, above the article: the later line that shares most of its words with the first
 * line. Without one, the first substantial line is the headline.
 */
function findTitle(lines: PageLine[], candidates: number[], short: boolean): number {
	// A short page has no room for a masthead: a one-word headline ("Flooding") is its headline.
	const usable = (text: string) => !isAddressLike(text) && !isBreadcrumb(text) && (short ? /\p{L}/u.test(text) && !isFurniture(text) : isSubstantial(text));
	const firstPosition = Math.max(0, candidates.findIndex((i) => usable(lines[i]!.text)));
	const first = candidates[firstPosition]!;
	const reference = wordSet(lines[first]!.text);
	let best = first;
	let bestOverlap = 0;
	for (let position = firstPosition + 1; position < candidates.length; position++) {
		const text = lines[candidates[position]!]!.text;
		// A headline is short and does not end like a sentence.
		if (text.length > 300 || text.endsWith('.') || isFurniture(text) || isAddressLike(text) || isBreadcrumb(text)) continue;
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


// A run this strong is a real article text, not a byline or a teaser.
const ARTICLE_SCORE = 8;
// How far before the article's first line its dateline is looked for (in lines that are not
// chrome), and how far into it: bylines and datelines stand between the headline and the text,
// or under the lead.
const DATELINE_BEFORE = 30;
const DATELINE_AFTER = 3;
const BYLINE_AFTER = 6;
const DATELINE_ABOVE = 2;
const META_LINE_BEFORE = 5;

/**
 * The article's dateline: of the date lines near the start of its text, the nearest (before the
 * text rather than in it). A date labelled as an update gives way to one labelled as the
 * publication. Dates in embedded posts, credits and citations are not the article's.
 */
function findDateline(lines: PageLine[], candidates: number[], titlePosition: number, articleStart: number): number | undefined {
	const found: Array<{line: number; distance: number; fromHeadline: number; day: string; updated: boolean; published: boolean}> = [];
	const end = Math.min(candidates.length, articleStart + BYLINE_AFTER);
	// A headline found in the page (not its first line, the browser title) has its date close under it.
	const headline = titlePosition > 0;
	// A date right above the headline is taken when none stands between it and the text.
	for (let position = Math.max(titlePosition - DATELINE_ABOVE, articleStart - DATELINE_BEFORE, 0); position < end; position++) {
		if (position === titlePosition) continue;
		const text = lines[candidates[position]!]!.text;
		const byline = isByline(text);
		// Close to the text, a date may share its line with an author, a comment count, categories.
		const near = articleStart - position <= META_LINE_BEFORE && position < articleStart;
		if (!(byline || (position < articleStart + DATELINE_AFTER && (isDateline(text) || (near && isMetaLine(text)))))) continue;
		const fromText = position < articleStart ? articleStart - position : position - articleStart + 1;
		const fromHeadline = headline && position > titlePosition ? position - titlePosition - 1 : Number.POSITIVE_INFINITY;
		found.push({
			line: candidates[position]!,
			distance: position < titlePosition ? DATELINE_BEFORE + titlePosition - position : Math.min(fromText, fromHeadline),
			fromHeadline,
			day: findDate(text)?.iso.slice(0, 10) ?? '',
			updated: /^(?:last\s+)?(?:updated|modified)\b/i.test(text),
			published: /\b(?:published|posted|first published)\b/i.test(text),
		});
	}
	// Dates of many different days between the headline and the text are a list of other stories
	// (teasers with their dates): then the article's is the one under its headline.
	const days = new Set(found.map((date) => date.day));
	if (headline && days.size >= 3) found.sort((a, b) => a.fromHeadline - b.fromHeadline);
	else found.sort((a, b) => a.distance - b.distance);
	const nearest = found[0];
	if (nearest?.updated) return (found.find((date) => date.published && !date.updated) ?? nearest).line;
	return nearest?.line;
}

/** A short line of an article's particulars around a date: "Carlos Nadalim 27/09/2018 Comente! Música". */
function isMetaLine(text: string): boolean {
	if (text.length > 140 || /\(@\w+\)|©|\bretrieved\b|\bcitation\b/i.test(text) || /[.!?]["”’]?$/.test(text)) return false;
	const date = findDate(text);
	if (!date) return false;
	return wordCount((text.slice(0, date.index) + text.slice(date.index + date.length)).trim()) <= 12;
}

/** A byline with its date: "By Tess Bonn - 11/19/19 06:56 AM EST", "Posted by … on November 19, 2019, 6:21 AM EST". */
function isByline(text: string): boolean {
	if (text.length > 200 || !/^(?:by|posted|published|updated|first published|written by)\b/i.test(text)) return false;
	// An embedded post ("— Name (@handle) November 18, 2019"), a credit or a citation is not the article's date.
	if (/\(@\w+\)|©|\bretrieved\b|\bcitation\b/i.test(text)) return false;
	const date = findDate(text);
	return date !== undefined && wordCount(text) <= 24;
}
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

/** Marks every line of a whole page; says whether its title is the page's headline or its browser title. */
export function markWholePage(lines: PageLine[], roles: Role[], siteLines: ReadonlySet<string>): 'headline' | 'browser-title' {
	const candidates = candidateLines(lines, roles);
	if (candidates.length === 0) return 'headline';
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

	const dateline = findDateline(lines, candidates, titlePosition, articleStart);
	markTitle(lines, roles, candidates, title, dateline, true);
	const browserTitle = title === candidates[0] && !short;
	if (browserTitle) lines[title]!.text = withoutSiteName(lines[title]!.text, lines);
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
	keepStoryTitles(lines, roles);
	return browserTitle ? 'browser-title' : 'headline';
}

/**
 * A related-stories section of a whole page keeps the lines that read as stories' titles; names,
 * dates, counters, labels and menus go. A section that is mostly such lines is a widget, not
 * stories: none of it is kept (no sidebar is better than a sidebar of junk).
 */
function keepStoryTitles(lines: PageLine[], roles: Role[]): void {
	let start = 0;
	while (start < lines.length) {
		if (roles[start] !== 'related') {
			start++;
			continue;
		}
		let end = start;
		while (end < lines.length && roles[end] === 'related') end++;
		const titles = [];
		const seen = new Set<string>();
		let judged = 0;
		for (let i = start; i < end; i++) {
			const text = lines[i]!.text;
			// A story a widget lists twice is one story.
			if (isStoryTitle(text) && !seen.has(text)) {
				titles.push(i);
				// The section is judged up to its last story: what follows is the page's footer.
				judged = seen.size + 1;
			}
			seen.add(text);
		}
		const keep = titles.length >= 2 && titles.length * 2 >= judged ? new Set(titles) : new Set<number>();
		for (let i = start; i < end; i++) if (!keep.has(i)) roles[i] = 'boilerplate';
		start = end;
	}
}

/** A line that reads as a story's title: words, some of them small ones, no date, count, name or label. */
function isStoryTitle(text: string): boolean {
	const words = text.split(/\s+/);
	if (words.length < 4 || text.length > 200 || isNameLine(text) || isFurniture(text)) return false;
	if (isDateline(text) || /^\d+(?:\s+of\s+\d+)?$|^(?:\d+\s+){1,}\d+$/.test(text)) return false;
	// A byline ("Written by …", "Medically reviewed by …": up to two words, then by and a name),
	// a widget's label ("More in …", "Read this next"), or a sentence (a summary, a notice) is no title.
	if (/^(?:\p{L}+\s+){0,2}by\s+\p{Lu}/iu.test(text) || /^(?:more in|read this|read more|sponsored|advertisement|adchoices)\b/i.test(text)) return false;
	if (/[^.]\.$/.test(text)) return false;
	// Titles have small words among their capitalised ones; a list of names or of menu items has none.
	return words.some((word) => /^\p{Ll}/u.test(word)) || words.length >= 6;
}


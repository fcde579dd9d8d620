// From page text to an article. The page is cut into lines, each line is given a role (chrome,
// header metadata, kicker, title, dateline, body, related story, comment), and the article is
// built from the roles. Every line gets a role, so nothing but chrome is dropped.
import {normalizeText, pageLines, type PageLine} from '../text/normalize';
import {isChromeLine, sectionHeading} from './chrome';
import {findDate, parseCompactDate} from './dates';
import {parseRelated} from './related';
import {parseComment} from './comments';
import {articleRun, FURNITURE_SCORE, isFurniture, lineFeatures, lineScore, stopKind, type Stop} from './body';
import type {Article, Block, Headline} from './types';

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

const META_LINE = /^#\s*([\w-]+)\s*=\s*(.*)$/;
const SHORT_PAGE_LINES = 30;
const HEAD_WINDOW = 12;

function readMeta(lines: PageLine[], roles: Role[]): Meta {
	const meta: Meta = {};
	for (let i = 0; i < lines.length; i++) {
		const match = META_LINE.exec(lines[i]!.text);
		if (!match) break;
		roles[i] = 'meta';
		const [, key, value] = match;
		if (key === 'url') meta.url = value;
		else if (key === 'date') meta.date = value;
		else if (key === 'doc_id') meta.docId = value;
	}
	return meta;
}

/** The number of words, counted up to `limit` (enough to compare with a bound, on a line of any length). */
function wordCount(text: string, limit = 64): number {
	return text.split(' ', limit).length;
}

/** A short line, not a sentence, that ends in a colon: the label sites print above a headline. */
function isKicker(text: string): boolean {
	return text.endsWith(':') && wordCount(text) <= 16 && !/[.!?]\s/.test(text);
}

/** A line that is a date and little else. */
function isDateline(text: string): boolean {
	if (text.length > 120) return false;
	const date = findDate(text);
	if (!date) return false;
	const rest = text.slice(0, date.index) + text.slice(date.index + date.length);
	return wordCount(rest.trim()) <= 6;
}

function isSubstantial(text: string): boolean {
	return /\p{L}/u.test(text) && (wordCount(text) >= 2 || text.length >= 20);
}

function candidateLines(lines: PageLine[], roles: Role[], limit = Number.POSITIVE_INFINITY): number[] {
	const candidates: number[] = [];
	for (let i = 0; i < lines.length && candidates.length < limit; i++) {
		if (roles[i] === undefined && !sectionHeading(lines[i]!.text)) candidates.push(i);
	}
	return candidates;
}

function markTitle(lines: PageLine[], roles: Role[], candidates: number[], title: number, dateline?: number): void {
	const previous = candidates[candidates.indexOf(title) - 1];
	if (previous !== undefined && previous !== dateline && isKicker(lines[previous]!.text)) roles[previous] = 'kicker';
	if (dateline !== undefined) roles[dateline] = 'dateline';
	roles[title] = 'title';
}

/**
 * The shape of a news page saved from its article alone (the seed's): a dateline among the first
 * lines, the title right above it. Returns where the body starts, or undefined for other shapes.
 */
function markDatelineHead(lines: PageLine[], roles: Role[]): number | undefined {
	const candidates = candidateLines(lines, roles, HEAD_WINDOW + 1);
	const position = candidates.findIndex((i, at) => at < HEAD_WINDOW && isDateline(lines[i]!.text));
	if (position === -1 || candidates.length < 2) return undefined;
	const [title, dateline] = position > 0 ? [candidates[position - 1]!, candidates[position]!] : [candidates[1]!, candidates[0]!];
	// The article's own shape has prose right under its head; a site's date above its menus does not.
	// A short page is taken as the article it looks like.
	const next = candidates[candidates.indexOf(Math.max(title, dateline)) + 1];
	const short = lines.length < SHORT_PAGE_LINES;
	if (!short && next !== undefined && lineScore(lineFeatures(lines[next]!.text)) <= 0) return undefined;
	markTitle(lines, roles, candidates, title, dateline);
	for (let i = 0; i < title; i++) if (roles[i] === undefined) roles[i] = 'masthead';
	return Math.max(title, dateline) + 1;
}

const wordSet = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * The headline of a whole page. Pages saved with their <title> first repeat the headline, without
 * the site's name, above the article: the later line that shares most of its words with the first
 * line. Without one, the first substantial line is the headline.
 */
function findTitle(lines: PageLine[], candidates: number[]): number {
	const firstPosition = Math.max(0, candidates.findIndex((i) => isSubstantial(lines[i]!.text)));
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
function markWholePage(lines: PageLine[], roles: Role[], siteLines: ReadonlySet<string>): void {
	const candidates = candidateLines(lines, roles);
	if (candidates.length === 0) return;
	const title = findTitle(lines, candidates);
	const titlePosition = candidates.indexOf(title);
	// The lines after the title, scored; section headings and article ends split them into stretches.
	const sequence: number[] = [];
	for (let i = title + 1; i < lines.length; i++) if (roles[i] === undefined) sequence.push(i);
	const scores = sequence.map((i): number | Stop => {
		const text = lines[i]!.text;
		if (siteLines.has(text)) return FURNITURE_SCORE;
		return stopKind(text) ?? (sectionHeading(text) ? 'soft' : lineScore(lineFeatures(text)));
	});
	// A short page has no room for furniture: all of it after the title is taken as the article.
	const chosen = lines.length < SHORT_PAGE_LINES ? undefined : articleRun(scores, ARTICLE_SCORE);
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
	if (title === candidates[0] && lines.length >= SHORT_PAGE_LINES) lines[title]!.text = withoutSiteName(lines[title]!.text, lines);
	const inArticle = new Set(articleLines);
	// Menus and widgets are full of "Comments" and "Read more": only a heading after the article opens a section.
	const articleEnd = articleLines.at(-1) ?? lines.length;
	const datelineText = dateline === undefined ? undefined : lines[dateline]!.text;
	let section: Role = 'body';
	let sectionLines = 0;
	for (let i = 0; i < lines.length; i++) {
		if (roles[i] !== undefined) continue;
		const text = lines[i]!.text;
		const heading = i > articleEnd ? sectionHeading(text) : undefined;
		// After the article a page's sections run into its footer: one ends at furniture or a stop.
		if (section !== 'body' && (isFurniture(text) || stopKind(text) || ++sectionLines > SECTION_LINES)) section = 'body';
		if (heading) {
			roles[i] = 'heading';
			section = heading === 'related' ? 'related' : 'comment';
			sectionLines = 0;
		} else if (i < title) {
			roles[i] = 'masthead';
		} else if (section === 'related') {
			roles[i] = 'related';
		} else if (section === 'comment') {
			// A comment carries a reply mark or a signature; the rest is the comment form's furniture.
			const comment = parseComment(text);
			roles[i] = comment.author !== null || comment.topic !== null ? 'comment' : 'boilerplate';
		} else {
			// A dateline the page prints twice is the article's only once.
			roles[i] = inArticle.has(i) && text !== datelineText && !isFurniture(text) && !siteLines.has(text) ? 'body' : 'boilerplate';
		}
	}
}

const NO_LINES: ReadonlySet<string> = new Set();

/** Lines the page's site prints on many pages (see dataset/site-lines.ts), found only when needed. */
export type SiteLines = () => ReadonlySet<string>;

/**
 * Every non-empty line of the page with its role. On a whole page, the site's recurring lines
 * count as furniture.
 */
export function segmentPage(text: string, siteLines: SiteLines = () => NO_LINES): {lines: RoledLine[]; meta: Meta} {
	const lines = pageLines(normalizeText(text));
	const roles: Role[] = new Array(lines.length);
	const meta = readMeta(lines, roles);
	for (let i = 0; i < lines.length; i++) {
		if (roles[i] === undefined && isChromeLine(lines[i]!.text)) roles[i] = 'chrome';
	}
	const bodyStart = markDatelineHead(lines, roles);
	if (bodyStart === undefined) {
		markWholePage(lines, roles, siteLines());
	} else {
		let section: Role = 'body';
		for (let i = bodyStart; i < lines.length; i++) {
			if (roles[i] !== undefined) continue;
			const heading = sectionHeading(lines[i]!.text);
			if (heading) {
				roles[i] = 'heading';
				section = heading === 'related' ? 'related' : 'comment';
			} else {
				roles[i] = section;
			}
		}
	}
	const roled = lines as RoledLine[];
	for (let i = 0; i < roled.length; i++) roled[i]!.role = roles[i] ?? 'masthead';
	return {lines: roled, meta};
}

const QUOTE_KEY = 24;
const endsInDots = (text: string) => text.endsWith('...') || text.endsWith('…');

/**
 * Pull quotes: a paragraph that ends in `...` or `…` and is the start of a later paragraph, word for
 * word. Later paragraphs are indexed by their first characters, so a page of many such paragraphs
 * stays linear.
 */
function markQuotes(blocks: Block[]): void {
	const starts = new Map<string, number[]>();
	blocks.forEach((block, i) => {
		const key = block.text.slice(0, QUOTE_KEY);
		const list = starts.get(key);
		if (list) list.push(i);
		else starts.set(key, [i]);
	});
	blocks.forEach((block, i) => {
		if (block.kind !== 'paragraph' || !endsInDots(block.text)) return;
		const stem = block.text.slice(0, block.text.endsWith('…') ? -1 : -3).trimEnd();
		if (stem.length < QUOTE_KEY) return;
		const later = (starts.get(stem.slice(0, QUOTE_KEY)) ?? []).filter((j) => j > i).slice(0, 50);
		if (later.some((j) => blocks[j]!.text.length > stem.length && blocks[j]!.text.startsWith(stem))) block.kind = 'quote';
	});
}

function buildBlocks(lines: RoledLine[]): Block[] {
	const body = lines.filter((line) => line.role === 'body');
	// Indentation marks a caption only where most of the body is not indented.
	const captionsMarked = body.filter((line) => line.indented).length * 2 < body.length;
	const blocks: Block[] = body.map((line) => ({
		kind: captionsMarked && line.indented ? 'caption' : 'paragraph',
		text: line.text,
	}));
	const lead = blocks.find((block) => block.kind === 'paragraph');
	if (lead) lead.kind = 'lead';
	markQuotes(blocks);
	return blocks;
}

function textOf(lines: RoledLine[], role: Role): string[] {
	return lines.filter((line) => line.role === role).map((line) => line.text);
}

function publishedFrom(dateline: string | undefined, meta: Meta): string | null {
	const fromLine = dateline ? findDate(dateline)?.iso : undefined;
	return fromLine ?? (meta.date ? parseCompactDate(meta.date) ?? null : null);
}

export type ParseOptions = {id: string; source: string; siteLines?: SiteLines};

export function parseArticle(text: string, {id, source, siteLines}: ParseOptions): Article {
	const {lines, meta} = segmentPage(text, siteLines);
	const dateline = textOf(lines, 'dateline')[0];
	const kicker = textOf(lines, 'kicker')[0];
	const article: Article = {
		id,
		source,
		kicker: kicker ? kicker.replace(/\s*:$/, '') : null,
		title: textOf(lines, 'title')[0] ?? '',
		dateline: dateline ?? null,
		published: publishedFrom(dateline, meta),
		blocks: buildBlocks(lines),
		related: parseRelated(textOf(lines, 'related')),
		comments: textOf(lines, 'comment').map(parseComment),
	};
	if (meta.url) article.url = meta.url;
	return article;
}

/**
 * Title and date from the top of a page, as a listing needs. `head` is the page's first lines;
 * `whole` says whether it is the whole page. The answer is undefined when the head cannot agree
 * with the full parse: without a dateline near the top, the headline is found from the article's
 * place in the whole page.
 */
export function headlineFrom(head: string, whole: boolean): Headline | undefined {
	const {lines, meta} = segmentPage(head);
	const dateline = lines.find((line) => line.role === 'dateline')?.text;
	if (!whole && dateline === undefined) return undefined;
	const title = lines.find((line) => line.role === 'title')?.text ?? '';
	return {title, published: publishedFrom(dateline, meta)};
}

/** The offset just past the `count`-th newline, or -1 when the text has fewer lines. */
function lineEnd(text: string, count: number): number {
	let end = -1;
	for (let i = 0; i < count; i++) {
		end = text.indexOf('\n', end + 1);
		if (end === -1) return -1;
	}
	return end + 1;
}

export type Head = {text: string; /** The text is the whole page. */ whole: boolean; /** More lines can be had. */ more: boolean};

/**
 * Reads ever longer heads, `head(count)` giving the first `count` lines, until the headline is
 * known; undefined when the lines run out first.
 */
export function readHeadline(head: (count: number) => Head): Headline | undefined {
	for (let count = 8; ; count *= 4) {
		const {text, whole, more} = head(count);
		const headline = headlineFrom(text, whole);
		if (headline || !more) return headline;
	}
}

export function parseHeadline(text: string): Headline {
	return readHeadline((count) => {
		const end = lineEnd(text, count);
		return end === -1 ? {text, whole: true, more: false} : {text: text.slice(0, end), whole: false, more: true};
	})!;
}

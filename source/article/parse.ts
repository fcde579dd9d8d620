// From page text to an article. The page is cut into lines, each line is given a role (chrome,
// header metadata, kicker, title, dateline, body, related story, comment), and the article is
// built from the roles. Pages saved from their article alone keep every line but chrome; whole
// pages lose their site's furniture (whole-page.ts).
import {normalizeText, pageLines, type PageLine} from '../text/normalize';
import {isChromeLine, sectionHeading} from './chrome';
import {parseRelated} from './related';
import {parseComment} from './comments';
import {lineFeatures, lineScore} from './body';
import {isNameLine} from './title-shape';
import {firstSentence, isCaption, isSentence, titleFromSlug, type TitleSource} from './title';
import {candidateLines, HEAD_WINDOW, isDateline, markTitle, publishedFrom, SHORT_PAGE_LINES, type Meta, type Role, type RoledLine} from './roles';
import {markWholePage} from './whole-page';
import type {Article, Block} from './types';

export type {Meta, Role, RoledLine} from './roles';

const META_LINE = /^#\s*([\w-]+)\s*=\s*(.*)$/;

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

/**
 * The shape of a news page saved from its article alone (the seed's): a dateline among the first
 * lines, the title right above it. Returns where the body starts, or undefined for other shapes.
 */
function markDatelineHead(lines: PageLine[], roles: Role[], partial: boolean): number | undefined {
	const candidates = candidateLines(lines, roles, HEAD_WINDOW + 1);
	const position = candidates.findIndex((i, at) => at < HEAD_WINDOW && isDateline(lines[i]!.text));
	if (position === -1 || candidates.length < 2) return undefined;
	let [title, dateline] = position > 0 ? [candidates[position - 1]!, candidates[position]!] : [candidates[1]!, candidates[0]!];
	// A byline of names between the headline and the date ("Kevin Johnson and Kevin McCoy USA TODAY") is not the headline.
	if (position > 1 && isNameLine(lines[title]!.text)) {
		roles[title] = 'boilerplate';
		title = candidates[position - 2]!;
	}
	// The article's own shape has prose right under its head; a site's date above its menus does not.
	// A short page is taken as the article it looks like.
	const next = candidates[candidates.indexOf(Math.max(title, dateline)) + 1];
	// The first lines of a page are not a short page; and what follows them must be seen to judge them.
	const short = !partial && lines.length < SHORT_PAGE_LINES;
	if (partial && next === undefined) return undefined;
	if (!short && next !== undefined && lineScore(lineFeatures(lines[next]!.text)) <= 0) return undefined;
	markTitle(lines, roles, candidates, title, dateline);
	for (let i = 0; i < title; i++) if (roles[i] === undefined) roles[i] = 'masthead';
	return Math.max(title, dateline) + 1;
}

const NO_LINES: ReadonlySet<string> = new Set();

/** Lines the page's site prints on many pages (see dataset/site-lines.ts), found only when needed. */
export type SiteLines = () => ReadonlySet<string>;

/**
 * Every non-empty line of the page with its role. On a whole page, the site's recurring lines
 * count as furniture. `partial`: the text is the page's first lines only; only the shape of a page
 * saved from its article alone can be known from them (else nothing is marked).
 */
export type SegmentedPage = {lines: RoledLine[]; meta: Meta; title: string; titleSource: TitleSource};

export function segmentPage(text: string, siteLines: SiteLines = () => NO_LINES, partial = false): SegmentedPage {
	const lines = pageLines(normalizeText(text));
	const roles: Role[] = new Array(lines.length);
	const meta = readMeta(lines, roles);
	for (let i = 0; i < lines.length; i++) {
		if (roles[i] === undefined && isChromeLine(lines[i]!.text)) roles[i] = 'chrome';
	}
	const bodyStart = markDatelineHead(lines, roles, partial);
	let titleSource: TitleSource = 'headline';
	if (bodyStart === undefined) {
		// The first lines alone cannot tell where a whole page's article is: that needs all of it.
		if (!partial) titleSource = markWholePage(lines, roles, siteLines());
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
		// A partial head may end mid-article: only a whole page shows where its text ends.
		if (!partial) trimArticleEnd(lines, roles, bodyStart);
	}
	const title = settleTitle(lines, roles, meta, titleSource);
	const roled = lines as RoledLine[];
	for (let i = 0; i < roled.length; i++) roled[i]!.role = roles[i] ?? 'masthead';
	return {lines: roled, meta, ...title};
}

// Lines that are not prose, this many in a row, end the article's text (a share bar, time stamps,
// image addresses), unless strong prose comes after them.
const TAIL_RUN = 3;
const STRONG_PROSE = 8;
const PROSE_CHARACTERS = 120;
const STRONG_CHARACTERS = 300;

/**
 * A page saved from its article alone may still carry, after the text, what the site put under
 * it: share links, time stamps, an image's address, numbers, a teaser of the text again. From the
 * first run of TAIL_RUN lines that are not prose, with no strong prose after it, to the next
 * section (related stories, comments), the lines are not the article's.
 */
function trimArticleEnd(lines: PageLine[], roles: Role[], bodyStart: number): void {
	let end = bodyStart;
	while (end < lines.length && roles[end] !== 'heading') end++;
	// A long line is prose without weighing it (most of an article): only short lines are scored.
	const isProse = (i: number) => lines[i]!.text.length >= PROSE_CHARACTERS || lineScore(lineFeatures(lines[i]!.text)) > 0;
	const isStrong = (i: number) => lines[i]!.text.length >= STRONG_CHARACTERS || lineScore(lineFeatures(lines[i]!.text)) >= STRONG_PROSE;
	for (let i = bodyStart; i < end; i++) {
		let run = 0;
		while (i + run < end && roles[i + run] === 'body' && !isProse(i + run)) run++;
		if (run >= TAIL_RUN && i > bodyStart) {
			let strong = false;
			for (let j = i + run; j < end && !strong; j++) strong = roles[j] === 'body' && isStrong(j);
			if (!strong) {
				for (let j = i; j < end; j++) if (roles[j] === 'body') roles[j] = 'boilerplate';
				return;
			}
		}
		i += run;
	}
}

/**
 * The title, from the line in the headline's place; when that line is a photo caption or the
 * lead's sentence (a page saved without its headline), it stays in the body, and the title is the
 * web address's slug where that is clearly the headline, else the lead's first sentence.
 */
function settleTitle(lines: PageLine[], roles: Role[], meta: Meta, source: TitleSource): {title: string; titleSource: TitleSource} {
	const at = roles.indexOf('title');
	if (at === -1) return {title: '', titleSource: source};
	const text = lines[at]!.text;
	if (!isCaption(text) && !isSentence(text)) return {title: text, titleSource: source};
	roles[at] = 'body';
	const fromSlug = titleFromSlug(meta.url, lines.map((line) => line.text).join(' '));
	if (fromSlug) return {title: fromSlug, titleSource: 'url'};
	let lead = text;
	for (let i = at; i < lines.length; i++) {
		if (roles[i] === 'body' && !isCaption(lines[i]!.text)) {
			lead = lines[i]!.text;
			break;
		}
	}
	return {title: firstSentence(lead), titleSource: 'lead'};
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


export type ParseOptions = {id: string; source: string; siteLines?: SiteLines};

export function parseArticle(text: string, {id, source, siteLines}: ParseOptions): Article {
	const {lines, meta, title, titleSource} = segmentPage(text, siteLines);
	const dateline = textOf(lines, 'dateline')[0];
	const kicker = textOf(lines, 'kicker')[0];
	const date = publishedFrom(dateline, meta);
	const article: Article = {
		id,
		source,
		kicker: kicker ? kicker.replace(/\s*:$/, '') : null,
		title,
		titleSource,
		dateline: dateline ?? null,
		published: date?.published ?? null,
		...(date ? {dateSource: date.dateSource} : {}),
		blocks: buildBlocks(lines),
		related: parseRelated(textOf(lines, 'related')),
		comments: textOf(lines, 'comment').map(parseComment),
	};
	if (meta.url) article.url = meta.url;
	return article;
}

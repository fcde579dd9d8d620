// A page's HTML as an article: metadata from the markup, the body from the extractor, as blocks.
// The title is the page's own headline (JSON-LD, then Open Graph), else its browser title without
// the site's name, else what the text gives (see article/title.ts); the date is the page's
// metadata, else a date written at the article's head, else its web address's, else — marked as
// such — the date the page was captured.
import type {Article, Block, DateSource, TitleSource} from '../article/types';
import {findDate} from '../article/dates';
import {firstSentence, titleFromSlug} from '../article/title';
import {withoutSiteName} from '../article/title-shape';
import {blocksOf} from './blocks';
import {parseDocument} from './dom';
import {extractArticle, isOrdinaryTree} from './extract';
import {metadataDate, readMetadata, type PageMetadata} from './metadata';

export type HtmlPageOptions = {
	id: string;
	source: string;
	/** Where the page was fetched from (a WARC record's target), when the page does not say. */
	url?: string;
	/** When the page was captured (WARC-Date), the date of last resort. */
	crawled?: string;
};

export type HtmlPage = {
	article: Article;
	/** The page holds an article (see extract.ts); a listing skips pages that do not. */
	isArticle: boolean;
	/** The page was longer than the parser takes, and only its beginning was read. */
	cut: boolean;
	/** The page's tree is too deep or too large for the extractor: its text was read as it stands. */
	unusual: boolean;
};

// A page whose extracted text is shorter than this (about 50 English words) holds a list or a
// notice, not an article.
const ARTICLE_SIZE = 300;
// Without the reader-view signal or article markup, the text must be longer to count.
const UNMARKED_ARTICLE_SIZE = 900;

// Scripts written without spaces say in one character what takes a word elsewhere.
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;

/** The size of the article's text, in characters of a Latin-script text saying as much. */
const textSize = (blocks: Block[]) => blocks.reduce((sum, block) => (block.kind === 'caption' ? sum : sum + block.text.length + 3 * (block.text.match(DENSE)?.length ?? 0)), 0);

type Line = {text: string; indented: boolean};

// Where a site names itself: its header, footer, menus and logo.
const CHROME = 'header, footer, nav, [class*="logo"], [id*="logo"], [class*="brand"], [class*="masthead"]';

/**
 * What names the site on the page: its metadata's name, its address's host, and the short texts of
 * its header, footer, menus and logo. A title's last part found among them is the site's name.
 */
function siteLines(metadata: PageMetadata, url: string | undefined, document: Document): Line[] {
	const names = [metadata.siteName];
	if (url) {
		try {
			names.push(new URL(url).hostname.replace(/^www\./, ''));
		} catch {}
	}
	for (const element of document.querySelectorAll(CHROME)) {
		const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
		if (text && text.length <= 300) names.push(text);
		if (names.length > 200) break;
	}
	return names.filter((name): name is string => name !== undefined).map((text) => ({text, indented: false}));
}

/** A title without its site's name when the page's metadata names the site: `Headline | Site`, `Site - Headline`. */
function withoutNamedSite(title: string, siteName: string | undefined): string {
	if (!siteName) return title;
	const name = siteName.toLowerCase();
	for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
		const parts = title.split(separator);
		if (parts.length < 2) continue;
		if (parts.at(-1)!.trim().toLowerCase() === name) return parts.slice(0, -1).join(separator).trim();
		if (parts[0]!.trim().toLowerCase() === name) return parts.slice(1).join(separator).trim();
	}
	return title;
}

function chooseTitle(metadata: PageMetadata, lines: Line[], extractedTitle: string | undefined, blocks: Block[], url: string | undefined): {title: string; titleSource: TitleSource} {
	const cut = (title: string) => withoutSiteName(withoutNamedSite(title, metadata.siteName), lines);
	if (metadata.headline) return {title: metadata.headline, titleSource: 'headline'};
	if (metadata.socialTitle) return {title: cut(metadata.socialTitle), titleSource: 'headline'};
	const browser = metadata.documentTitle ?? extractedTitle;
	if (browser) return {title: cut(browser), titleSource: 'browser-title'};
	const first = blocks.find((block) => block.kind !== 'caption');
	const fromSlug = titleFromSlug(url, blocks.map((block) => block.text).join('\n'));
	if (fromSlug) return {title: fromSlug, titleSource: 'url'};
	return {title: first ? firstSentence(first.text) : '', titleSource: 'lead'};
}

// What is kept of an unusual page's text: enough to see what it is.
const PLAIN_TEXT_LIMIT = 100_000;

/** An unusual page's text as one block; the DOM's text is gathered without recursion. */
function plainBlocks(document: Document): Block[] {
	const text = (document.body?.textContent ?? '').slice(0, PLAIN_TEXT_LIMIT).replace(/\s+/g, ' ').trim();
	return text ? [{kind: 'paragraph', text}] : [];
}

/** A date in the web address: `/2019/11/20/`, `/2019-11-20/`, `20191120`. */
function dateInUrl(url: string | undefined): string | undefined {
	const m = url ? /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_-]|\.html?|$)/.exec(url) : null;
	return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function chooseDate(metadata: PageMetadata, document: Document, blocks: Block[], url: string | undefined, crawled: string | undefined): {published: string; dateSource: DateSource} | undefined {
	if (metadata.published) return {published: metadata.published, dateSource: 'metadata'};
	const time = document.querySelector('article time[datetime], main time[datetime], time[datetime]');
	const fromTime = metadataDate(time?.getAttribute('datetime') ?? undefined);
	if (fromTime) return {published: fromTime, dateSource: 'metadata'};
	// A dateline is short and stands at the article's head.
	for (const block of blocks.slice(0, 3)) {
		if (block.text.length > 120) continue;
		const found = findDate(block.text);
		if (found) return {published: found.iso, dateSource: 'dateline'};
	}
	const fromUrl = dateInUrl(url);
	if (fromUrl) return {published: fromUrl, dateSource: 'url'};
	const fromCrawl = metadataDate(crawled);
	return fromCrawl ? {published: fromCrawl, dateSource: 'crawl'} : undefined;
}

/** The section the page files the article under, when its metadata names one. */
function sectionOf(document: Document): string | null {
	const section = document.querySelector('meta[property="article:section"]')?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
	return section && section.length <= 60 ? section : null;
}

export function parseHtmlPage(html: string, {id, source, url, crawled}: HtmlPageOptions): HtmlPage {
	const {document, cut} = parseDocument(html);
	// Metadata first: the extractor changes the document as it works.
	const metadata = readMetadata(document);
	const kicker = sectionOf(document);
	const pageUrl = metadata.url ?? url;
	const lines = siteLines(metadata, pageUrl, document);
	const unusual = document.documentElement ? !isOrdinaryTree(document.documentElement) : false;
	const extracted = unusual ? undefined : extractArticle(document);
	const blocks = extracted ? blocksOf(extracted.content, pageUrl) : unusual ? plainBlocks(document) : [];
	const {title, titleSource} = chooseTitle(metadata, lines, extracted?.title, blocks, pageUrl);
	const date = chooseDate(metadata, document, blocks, pageUrl, crawled);
	const size = textSize(blocks);
	const article: Article = {
		id,
		source,
		kicker,
		title,
		titleSource,
		dateline: null,
		published: date?.published ?? null,
		blocks,
		related: [],
		comments: [],
	};
	if (date) article.dateSource = date.dateSource;
	if (pageUrl) article.url = pageUrl;
	if (metadata.modified) article.modified = metadata.modified;
	const author = metadata.author ?? extracted?.byline;
	if (author && !/^https?:/i.test(author)) article.author = author;
	if (metadata.language) article.language = metadata.language;
	const isArticle = extracted !== undefined && size >= ARTICLE_SIZE && (extracted.readerable || metadata.saysArticle || size >= UNMARKED_ARTICLE_SIZE);
	return {article, isArticle, cut, unusual};
}

// A page's HTML as an article: metadata from the markup, the body from the extractor, as blocks.
// The title is the page's own headline (JSON-LD, then Open Graph), else its browser title, less
// the site's name, else what the text gives (see article/title.ts); the date is the page's
// metadata's, else a `<time>` of the page, else its web address's, else — marked as such — the
// date the page was captured. Both come from the page's markup alone (see head.ts), so a listing
// knows them without parsing the page.
import type {Article, Block, DateSource, RelatedStory, TitleSource} from '../article/types';
import {firstSentence, titleFromSlug} from '../article/title';
import {withoutSiteName} from '../article/title-shape';
import {blocksOf} from './blocks';
import {parseDocument} from './dom';
import {extractArticle, isOrdinaryTree} from './extract';
import {headTags, proseOf, scannable} from './head';
import {comparableUrl} from '../text/url';
import {firstTag, type HeadTags} from './tags';
import {byteText, decodeAs, htmlEncoding} from './charset';
import {metadataDate, readMetadata, type PageMetadata} from './metadata';

export type HtmlPageOptions = {
	id: string;
	source: string;
	/** The charset the HTTP response declared (a WARC record's Content-Type). */
	charset?: string;
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

// A page whose paragraphs hold less text than this (about 50 English words) holds a list or a
// notice, not an article.
const ARTICLE_SIZE = 300;
// Without the reader-view signal or article markup, the text must be longer to count.
const UNMARKED_ARTICLE_SIZE = 900;

type Line = {text: string; indented: boolean};

/**
 * The names a site goes by in its page's metadata: og:site_name, the publisher, the application
 * name, its Twitter handle, and its address's host. A title's last part found among them is the
 * site's name, not the headline's.
 */
function siteLines(metadata: PageMetadata, names: string[], url: string | undefined): Line[] {
	const all = [metadata.siteName, ...names];
	if (url) {
		try {
			all.push(new URL(url).hostname.replace(/^www\./, ''));
		} catch {}
	}
	return all.filter((name): name is string => name !== undefined && name !== '').map((text) => ({text, indented: false}));
}

/** A title without its site's name when the page's metadata names the site: `Headline | Site`, `Site - Headline`. */
function withoutNamedSite(title: string, names: Line[]): string {
	const known = new Set(names.map((name) => name.text.toLowerCase()));
	for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
		const parts = title.split(separator);
		if (parts.length < 2) continue;
		if (known.has(parts.at(-1)!.trim().toLowerCase())) return parts.slice(0, -1).join(separator).trim();
		if (known.has(parts[0]!.trim().toLowerCase())) return parts.slice(1).join(separator).trim();
	}
	return title;
}

/** The page's own title: its headline, its social title, its browser title, each less the site's name. */
function titleOf(metadata: PageMetadata, lines: Line[]): {title: string; titleSource: TitleSource} | undefined {
	const cut = (title: string) => withoutSiteName(withoutNamedSite(title, lines), lines);
	if (metadata.headline) return {title: metadata.headline, titleSource: 'headline'};
	if (metadata.socialTitle) return {title: cut(metadata.socialTitle), titleSource: 'headline'};
	if (metadata.documentTitle) return {title: cut(metadata.documentTitle), titleSource: 'browser-title'};
	return undefined;
}

/** A title made from the text, for a page whose markup gives none. */
function titleFromText(blocks: Block[], url: string | undefined): {title: string; titleSource: TitleSource} {
	const fromSlug = titleFromSlug(url, blocks.map((block) => block.text).join('\n'));
	if (fromSlug) return {title: fromSlug, titleSource: 'url'};
	const first = blocks.find((block) => block.kind !== 'caption');
	return {title: first ? firstSentence(first.text) : '', titleSource: 'lead'};
}

// What is kept of an unusual page's text: enough to see what it is.
const PLAIN_TEXT_LIMIT = 100_000;

/** An unusual page's text as one block; the DOM's text is gathered without recursion. */
function plainBlocks(document: Document): Block[] {
	// linkedom's body is found through the root element: a document without one has neither.
	const text = ((document.documentElement && document.body?.textContent) || '').slice(0, PLAIN_TEXT_LIMIT).replace(/\s+/g, ' ').trim();
	return text ? [{kind: 'paragraph', text}] : [];
}

/** A date in the web address: `/2019/11/20/`, `/2019-11-20/`, `20191120`. */
function dateInUrl(url: string | undefined): string | undefined {
	const m = url ? /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_-]|\.html?|$)/.exec(url) : null;
	return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The page's date: its metadata's, a `<time datetime>` of the page, its address's, and last the date it was captured. */
function dateOf(metadata: PageMetadata, head: HeadTags, url: string | undefined, crawled: string | undefined): {published: string; dateSource: DateSource} | undefined {
	if (metadata.published) return {published: metadata.published, dateSource: 'metadata'};
	const fromTime = metadataDate(firstTag(head, ({name, attributes}) => name === 'time' && attributes.has('datetime'))?.attributes.get('datetime'));
	if (fromTime) return {published: fromTime, dateSource: 'metadata'};
	const fromUrl = dateInUrl(url);
	if (fromUrl) return {published: fromUrl, dateSource: 'url'};
	const fromCrawl = metadataDate(crawled);
	return fromCrawl ? {published: fromCrawl, dateSource: 'crawl'} : undefined;
}

/** The section the page files the article under, when its metadata names one. */
function sectionOf(head: HeadTags): string | null {
	const section = firstTag(head, ({name, attributes}) => name === 'meta' && attributes.get('property') === 'article:section')?.attributes.get('content')?.replace(/\s+/g, ' ').trim();
	return section && section.length <= 60 ? section : null;
}

/** What the page's markup says of it, and whether it holds an article: all a listing needs. */
export type PageFacts = {
	/** Undefined when the markup gives no title: one is made from the text (see parseHtmlPage). */
	title?: {title: string; titleSource: TitleSource};
	date?: {published: string; dateSource: DateSource};
	url?: string;
	kicker: string | null;
	metadata: PageMetadata;
	isArticle: boolean;
	/** The encoding the page is read in (see charset.ts), found once for its scan and its parse. */
	encoding: string;
};

/** A page's bytes; a string (a test's page, an HTML string) is taken as UTF-8. */
export type HtmlInput = Uint8Array | string;

const bytesOf = (input: HtmlInput) => (typeof input === 'string' ? Buffer.from(input, 'utf8') : input);

export function pageFacts(input: HtmlInput, {url, crawled, charset}: Pick<HtmlPageOptions, 'url' | 'crawled' | 'charset'>): PageFacts {
	const bytes = bytesOf(input);
	const pageEncoding = htmlEncoding(bytes, typeof input === 'string' ? 'utf-8' : charset);
	const {text, encoding} = byteText(bytes, pageEncoding);
	const scanned = scannable(text);
	const head = headTags(scanned, encoding);
	const metadata = readMetadata(head);
	const pageUrl = metadata.url ?? url;
	const lines = siteLines(metadata, siteNames(head), pageUrl);
	const {size, readerable} = proseOf(scanned.page, UNMARKED_ARTICLE_SIZE);
	return {
		title: titleOf(metadata, lines),
		date: dateOf(metadata, head, pageUrl, crawled),
		url: pageUrl,
		kicker: sectionOf(head),
		metadata,
		isArticle: size >= ARTICLE_SIZE && (readerable || metadata.saysArticle || size >= UNMARKED_ARTICLE_SIZE),
		encoding: pageEncoding,
	};
}

/** Names of the site in meta tags other than og:site_name. */
const SITE_NAME_TAGS = new Set(['application-name', 'apple-mobile-web-app-title', 'twitter:site', 'publisher', 'copyright']);

function siteNames(head: HeadTags): string[] {
	const names: string[] = [];
	for (const {name, attributes} of head.tags) {
		if (name !== 'meta' || !SITE_NAME_TAGS.has(attributes.get('name') ?? '')) continue;
		const content = attributes.get('content')?.replace(/^@/, '').trim();
		if (content) names.push(content);
	}
	return names;
}

// Links that read like a headline: a few words at least, and not a paragraph.
const STORY_WORDS = {least: 4, most: 30};
const STORY_LINKS = 200;

/** The page's links that read like headlines of other pages: candidates for its related stories. */
function storyLinks(document: Document, pageUrl: string | undefined): RelatedStory[] {
	const stories = new Map<string, RelatedStory>();
	const self = pageUrl ? comparableUrl(pageUrl) : undefined;
	for (const anchor of document.querySelectorAll('a[href]')) {
		const title = (anchor.textContent ?? '').replace(/\s+/g, ' ').trim();
		const words = title.split(' ').length;
		if (words < STORY_WORDS.least || words > STORY_WORDS.most) continue;
		let url: URL;
		try {
			url = new URL(anchor.getAttribute('href')!, pageUrl);
		} catch {
			continue;
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
		const key = comparableUrl(url.href);
		if (key === self || stories.has(key)) continue;
		stories.set(key, {title, region: null, summary: null, id: null, url: url.href});
		if (stories.size >= STORY_LINKS) break;
	}
	return [...stories.values()];
}


export function parseHtmlPage(input: HtmlInput, {id, source, url, crawled, charset}: HtmlPageOptions): HtmlPage {
	const facts = pageFacts(input, {url, crawled, charset});
	const {metadata} = facts;
	const {document, cut} = parseDocument(typeof input === 'string' ? input : decodeAs(input, facts.encoding));
	// A page cut off before its first element has no tree to look in: its text is read as it stands.
	const root = document.documentElement;
	const treeless = !root || !document.body;
	const unusual = !treeless && !isOrdinaryTree(root);
	// Taken before the extractor changes the document; links within the article are not related stories.
	const candidates = unusual || treeless ? [] : storyLinks(document, facts.url);
	const extracted = unusual || treeless ? undefined : extractArticle(document);
	const blocks = extracted ? blocksOf(extracted.content, facts.url) : plainBlocks(document);
	const inText = new Set(blocks.flatMap((block) => block.links ?? []).map((link) => comparableUrl(link.url)));
	const {title, titleSource} = facts.title ?? titleFromText(blocks, facts.url);
	const article: Article = {
		id,
		source,
		kicker: facts.kicker,
		title,
		titleSource,
		dateline: null,
		published: facts.date?.published ?? null,
		blocks,
		related: candidates.filter((story) => !inText.has(comparableUrl(story.url!))),
		comments: [],
	};
	if (facts.date) article.dateSource = facts.date.dateSource;
	if (facts.url) article.url = facts.url;
	if (metadata.modified) article.modified = metadata.modified;
	const author = metadata.author ?? extracted?.byline;
	if (author && !/^https?:/i.test(author)) article.author = author;
	if (metadata.language) article.language = metadata.language;
	return {article, isArticle: facts.isArticle, cut, unusual};
}

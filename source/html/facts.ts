// What a page's markup says of it — its title, its date, its address, its section, whether it
// holds an article — read without building its DOM (see head.ts): all a listing needs of an HTML
// page. Opening the article (article.ts) starts from the same facts, so a listing and the opened
// article agree. Apart from article.ts so that listing loads no HTML parser or extractor.
import type {DateSource, TitleSource} from '../article/types';
import {withoutSiteName} from '../article/title-shape';
import {headTags, proseOf, scannable} from './head';
import {firstTag, type HeadTags} from './tags';
import {byteView, htmlEncoding} from './charset';
import {META_NAMES_READ, metadataDate, readMetadata, type PageMetadata} from './metadata';

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

/** A page's bytes, and the charset they are declared in: a string is UTF-8. */
export const pageBytes = (input: HtmlInput, charset?: string): {bytes: Uint8Array; charset?: string} => (typeof input === 'string' ? {bytes: Buffer.from(input, 'utf8'), charset: 'utf-8'} : {bytes: input, charset});

/** What a page's record says of it beside its bytes (a WARC record's). */
export type PageContext = {
	/** The charset the HTTP response declared (a WARC record's Content-Type). */
	charset?: string;
	/** Where the page was fetched from (a WARC record's target), when the page does not say. */
	url?: string;
	/** When the page was captured (WARC-Date), the date of last resort. */
	crawled?: string;
};

export function pageFacts(input: HtmlInput, {url, crawled, ...context}: PageContext): PageFacts {
	const {bytes, charset} = pageBytes(input, context.charset);
	const pageEncoding = htmlEncoding(bytes, charset);
	const view = byteView(bytes, pageEncoding);
	const scanned = scannable(view.bytes);
	const head = headTags(scanned, view.encoding, META_NAMES);
	const metadata = readMetadata(head);
	const pageUrl = metadata.url ?? url;
	const lines = siteLines(metadata, siteNames(head), pageUrl);
	// Counted only until the judgement below is made: for a page that says it holds an article,
	// once there is enough text; for another, once there is enough for one that reads as prose.
	const {size, readerable} = metadata.saysArticle ? proseOf(scanned.page, ARTICLE_SIZE) : proseOf(scanned.page, UNMARKED_ARTICLE_SIZE, ARTICLE_SIZE);
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

/**
 * What a meta tag read here, or by readMetadata, says in its text: its name. A tag whose text
 * holds none of these names says nothing that is read, and the scan leaves it (see headTags).
 */
export const META_NAMES = new RegExp([...META_NAMES_READ, 'article:section', ...SITE_NAME_TAGS].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

function siteNames(head: HeadTags): string[] {
	const names: string[] = [];
	for (const {name, attributes} of head.tags) {
		if (name !== 'meta' || !SITE_NAME_TAGS.has(attributes.get('name') ?? '')) continue;
		const content = attributes.get('content')?.replace(/^@/, '').trim();
		if (content) names.push(content);
	}
	return names;
}

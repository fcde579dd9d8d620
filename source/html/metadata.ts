// What a page says about itself, read from its markup: JSON-LD (schema.org NewsArticle, Article,
// BlogPosting and kin), Open Graph and `article:*` meta tags, other common date and author meta
// tags, `<title>`, `<link rel=canonical>` and `<html lang>`, as the page's tags give them
// (tags.ts). Values are page data: they are trimmed and bounded here, and sanitised where shown.
import {findDate} from '../article/dates';
import {firstTag, type HeadTags} from './tags';

export type PageMetadata = {
	headline?: string;
	/** The og:title or twitter:title. */
	socialTitle?: string;
	/** The `<title>` element. */
	documentTitle?: string;
	siteName?: string;
	published?: string;
	modified?: string;
	author?: string;
	description?: string;
	url?: string;
	language?: string;
	/** The JSON-LD or Open Graph type says this page is an article. */
	saysArticle: boolean;
};

const MAX_VALUE = 2000;

const clean = (value: unknown): string | undefined => {
	if (typeof value !== 'string') return undefined;
	const text = value.replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);
	return text === '' ? undefined : text;
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;

/** A date as metadata gives it (ISO 8601, or the forms findDate reads), as the article's ISO form. */
export function metadataDate(value: string | undefined): string | undefined {
	const text = clean(value);
	if (!text) return undefined;
	const m = ISO.exec(text);
	if (m) {
		const [, year, month, day, hour, minute, second = '00', zone] = m;
		// Placeholders (0001-01-01) and impossible days, times or offsets are no date.
		if (+year! < 1900 || +year! > 2200 || new Date(Date.UTC(+year!, +month! - 1, +day!)).getUTCDate() !== +day! || +month! < 1 || +month! > 12) return undefined;
		if (hour !== undefined && (+hour > 23 || +minute! > 59 || +second > 60)) return undefined;
		if (zone && !/^z$/i.test(zone) && (+zone.slice(1, 3) > 14 || +zone.slice(-2) > 59)) return undefined;
		if (hour === undefined) return `${year}-${month}-${day}`;
		const offset = zone === undefined ? '' : /^z$/i.test(zone) ? '+00:00' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
		return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
	}
	if (/^\d{10}(?:\d{3})?$/.test(text)) {
		const time = new Date(text.length === 13 ? +text : +text * 1000);
		return time.getUTCFullYear() >= 1900 ? time.toISOString().replace(/\.\d{3}Z$/, '+00:00') : undefined;
	}
	return findDate(text)?.iso;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report|NewsArticle)$/;

function typesOf(node: JsonObject): string[] {
	const type = node['@type'];
	return (Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === 'string');
}

/** Every object in a JSON-LD value, through arrays and @graph, breadth first. */
function* objectsOf(value: unknown, depth = 0): Generator<JsonObject> {
	if (depth > 6 || value === null || typeof value !== 'object') return;
	if (Array.isArray(value)) {
		for (const item of value) yield* objectsOf(item, depth + 1);
		return;
	}
	const node = value as JsonObject;
	yield node;
	if (node['@graph']) yield* objectsOf(node['@graph'], depth + 1);
	if (node.mainEntity) yield* objectsOf(node.mainEntity, depth + 1);
}

/** The text of a JSON-LD script, parsed leniently: sites wrap it in comments or CDATA and leave raw newlines in strings. */
function parseJsonLd(text: string): unknown {
	const body = text.replace(/^\s*(?:<!--|\/\*<!\[CDATA\[\*\/|<!\[CDATA\[)/, '').replace(/(?:-->|\/\*\]\]>\*\/|\]\]>)\s*$/, '');
	try {
		return JSON.parse(body);
	} catch {
		try {
			return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' '));
		} catch {
			return undefined;
		}
	}
}

function nameOf(value: unknown): string | undefined {
	if (typeof value === 'string') return clean(value);
	if (Array.isArray(value)) {
		const names = value.map(nameOf).filter((name): name is string => name !== undefined);
		return names.length > 0 ? [...new Set(names)].join(', ') : undefined;
	}
	if (value && typeof value === 'object') return clean((value as JsonObject).name);
	return undefined;
}

function jsonLdArticle(head: HeadTags): JsonObject | undefined {
	for (const script of head.scripts) {
		for (const node of objectsOf(parseJsonLd(script))) {
			if (typesOf(node).some((type) => ARTICLE_TYPE.test(type))) return node;
		}
	}
	return undefined;
}

const DATE_TAGS = ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'published_time', 'cxenseparse:recs:publishtime'];
const MODIFIED_TAGS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'];
const AUTHOR_TAGS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'];

/**
 * The meta tags readMetadata reads, by property, name or itemprop: only these are kept by
 * metaTags, so that a page's scan may leave the others unparsed (see facts.ts).
 */
export const META_NAMES_READ = ['og:title', 'twitter:title', 'og:site_name', 'application-name', 'og:locale', 'content-language', 'og:description', 'description', 'og:url', 'og:type', ...DATE_TAGS, ...MODIFIED_TAGS, ...AUTHOR_TAGS];
const READ = new Set(META_NAMES_READ);

/** The content of the meta tags read, by property or name (lower case), first one wins. */
function metaTags(head: HeadTags): Map<string, string> {
	const tags = new Map<string, string>();
	for (const {name, attributes} of head.tags) {
		if (name !== 'meta') continue;
		const key = (attributes.get('property') ?? attributes.get('name') ?? attributes.get('itemprop') ?? '').trim().toLowerCase();
		if (!READ.has(key) || tags.has(key)) continue;
		const content = clean(attributes.get('content'));
		if (content) tags.set(key, content);
	}
	return tags;
}

const firstOf = (tags: Map<string, string>, names: string[]) => names.map((name) => tags.get(name)).find((value) => value !== undefined);

/** The publication time marked in the page's own markup: itemprop datePublished, or `<time pubdate>`. */
function markedTime(head: HeadTags): string | undefined {
	const marked = firstTag(head, ({name, attributes}) => {
		const published = attributes.get('itemprop') === 'datePublished';
		return (published && (name === 'time' || attributes.has('datetime') || attributes.has('content'))) || (name === 'time' && attributes.has('pubdate'));
	});
	return clean(marked?.attributes.get('datetime') ?? marked?.attributes.get('content'));
}

export function readMetadata(head: HeadTags): PageMetadata {
	const ld = jsonLdArticle(head);
	const tags = metaTags(head);
	const canonical = firstTag(head, ({name, attributes}) => name === 'link' && attributes.get('rel')?.toLowerCase() === 'canonical')?.attributes.get('href');
	const lang = head.lang ?? tags.get('og:locale') ?? tags.get('content-language');
	const metadata: PageMetadata = {
		headline: nameOf(ld?.headline) ?? nameOf(ld?.name),
		socialTitle: tags.get('og:title') ?? tags.get('twitter:title'),
		documentTitle: clean(head.title),
		siteName: tags.get('og:site_name') ?? nameOf(ld?.publisher) ?? tags.get('application-name'),
		published: metadataDate(nameOf(ld?.datePublished) ?? firstOf(tags, DATE_TAGS) ?? markedTime(head) ?? nameOf(ld?.dateCreated)),
		modified: metadataDate(nameOf(ld?.dateModified) ?? firstOf(tags, MODIFIED_TAGS)),
		author: nameOf(ld?.author) ?? nameOf(ld?.creator) ?? firstOf(tags, AUTHOR_TAGS),
		description: nameOf(ld?.description) ?? tags.get('og:description') ?? tags.get('description'),
		url: clean(canonical) ?? tags.get('og:url') ?? nameOf(ld?.url),
		language: clean(nameOf(ld?.inLanguage) ?? lang ?? undefined)?.replace('_', '-'),
		saysArticle: ld !== undefined || /article/i.test(tags.get('og:type') ?? ''),
	};
	// Undefined fields are left out, so JSON output has only what the page said.
	for (const key of Object.keys(metadata) as Array<keyof PageMetadata>) if (metadata[key] === undefined) delete metadata[key];
	return metadata;
}

// A page's HTML as an article: metadata from the markup, the body from the extractor, as blocks.
// The title is the page's own headline (JSON-LD, then Open Graph), else its browser title, less
// the site's name, else what the text gives (see article/title.ts); the date is the page's
// metadata's, else a `<time>` of the page, else its web address's, else — marked as such — the
// date the page was captured. Both come from the page's markup alone (see head.ts), so a listing
// knows them without parsing the page.
import type {Article, Block, RelatedStory, TitleSource} from '../article/types';
import {firstSentence, titleFromSlug} from '../article/title';
import {blocksOf} from './blocks';
import {parseDocument} from './dom';
import {extractArticle, isOrdinaryTree} from './extract';
import {pageBytes, pageFacts, type HtmlInput, type PageContext} from './facts';
import {comparableUrl} from '../text/url';

export type HtmlPageOptions = PageContext & {
	id: string;
	source: string;
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
	// A string page is made bytes once, for the scan and the parse.
	const page = pageBytes(input, charset);
	const facts = pageFacts(page.bytes, {url, crawled, charset: page.charset});
	const {metadata} = facts;
	const {document, cut} = parseDocument(page.bytes, facts.encoding);
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

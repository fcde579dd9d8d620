/** `heading`, `item` (a list item) and `row` (a table row, cells apart) come from HTML pages. */
export type BlockKind = 'lead' | 'paragraph' | 'caption' | 'quote' | 'heading' | 'item' | 'row';

/** A link in a block's text: the words as shown, and where they lead. */
export type Link = {text: string; url: string};

export type Block = {kind: BlockKind; text: string; links?: Link[]};

export type RelatedStory = {
	title: string;
	region: string | null;
	summary: string | null;
	/** The id of the dataset article with this title, when there is one. */
	id: string | null;
	/** Where the page's link leads (HTML pages): such a story is kept only when it leads into the dataset. */
	url?: string;
};

export type Comment = {
	topic: string | null;
	text: string;
	author: string | null;
	contact: string | null;
};

export type Article = {
	id: string;
	source: string;
	url?: string;
	kicker: string | null;
	title: string;
	/** Where the title came from: the page's headline, its browser title, the lead's first sentence, the web address. */
	titleSource: TitleSource;
	/** The date line as the page writes it. */
	dateline: string | null;
	/** ISO 8601; with an offset only when the page gives one. */
	published: string | null;
	/** Where the date came from (absent when there is none). */
	dateSource?: DateSource;
	/** When the page says it was last changed (HTML metadata), ISO 8601. */
	modified?: string;
	/** The byline's names, as the page's metadata gives them. */
	author?: string;
	/** The page's language tag (`en`, `vi-VN`), as the page declares it. */
	language?: string;
	blocks: Block[];
	related: RelatedStory[];
	comments: Comment[];
};

export type Headline = {title: string; published: string | null; /** From a `# url` line. */ url?: string};

export type TitleSource = 'headline' | 'browser-title' | 'lead' | 'url';

/**
 * `metadata`: the page's markup (JSON-LD, meta tags) or its `# date` header; `dateline`: a date
 * written in the page's text; `record`: the dataset record's own field; `url`: the date in the web
 * address; `crawl`: when the page was captured, not when it was published (WARC-Date).
 */
export type DateSource = 'metadata' | 'dateline' | 'record' | 'url' | 'crawl';

export type BlockKind = 'lead' | 'paragraph' | 'caption' | 'quote';

export type Block = {kind: BlockKind; text: string};

export type RelatedStory = {
	title: string;
	region: string | null;
	summary: string | null;
	/** The id of the dataset article with this title, when there is one. */
	id: string | null;
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
	blocks: Block[];
	related: RelatedStory[];
	comments: Comment[];
};

export type Headline = {title: string; published: string | null; /** From a `# url` line. */ url?: string};

export type TitleSource = 'headline' | 'browser-title' | 'lead' | 'url';

// The metadata-bearing tags of a page as plain records — name, attributes, and for <title> and
// JSON-LD scripts their text — read from the page's markup by a scan, without a DOM: what a
// listing needs of every page of a crawl, at a fraction of a parse's cost (see head.ts).
import {decodeHTML, decodeHTMLAttribute} from 'entities';

export type Tag = {name: string; attributes: Map<string, string>};

export type HeadTags = {
	/** meta, link, time, and elements marked itemprop=datePublished, in the page's order. */
	tags: Tag[];
	title?: string;
	/** The texts of the JSON-LD scripts, in order. */
	scripts: string[];
	/** The html element's lang. */
	lang?: string;
};

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** A start tag's name and attributes (names in lower case, values with their character references decoded; the first of a repeated name wins). */
export function parseTag(text: string): Tag {
	const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(text)?.[1]?.toLowerCase() ?? '';
	const attributes = new Map<string, string>();
	const inside = text.slice(name.length + 1, text.endsWith('/>') ? -2 : -1);
	for (const m of inside.matchAll(ATTRIBUTE)) {
		const key = m[1]!.toLowerCase();
		if (attributes.has(key)) continue;
		const value = m[2] ?? m[3] ?? m[4] ?? '';
		attributes.set(key, value.includes('&') ? decodeHTMLAttribute(value) : value);
	}
	return {name, attributes};
}

/** A title's text as a browser shows it: character references decoded. */
export const titleText = (raw: string) => (raw.includes('&') ? decodeHTML(raw) : raw);

/** The first tag, in the page's order, that `test` accepts. */
export const firstTag = (head: HeadTags, test: (tag: Tag) => boolean) => head.tags.find(test);

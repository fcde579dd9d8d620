// An HTML page as a DOM (linkedom: a fast, standards-shaped DOM without a browser). Pages from
// crawls can be huge or broken; what reaches the parser is bounded in size and in tags, so no page
// can make a listing stall: scripts, styles and comments of an oversized page go first (they hold
// no article text), then whatever is still over the bounds is cut, and the caller is told.
import {parseHTML} from 'linkedom';
import {partsWithoutScripts} from './without-scripts';
import {byteView, decodeAs} from './charset';

// Articles are well under 2 MB of HTML; a page ten times as large is a feed, a dump, or an attack.
export const HTML_PARSE_LIMIT = 8 * 1024 * 1024;

// Nor are they of more than this many tags; past it, a page costs seconds to parse (the DOM is
// built at some 100,000 elements a second) and holds no article anyway.
export const TAG_LIMIT = 150_000;

export type ParsedDocument = {document: Document; /** The page was cut to the bounds above. */ cut: boolean};

/** Where the page's TAG_LIMIT-th tag starts, or -1 when it has fewer tags. */
function tagLimitAt(html: string): number {
	const tag = /<[a-zA-Z]/g;
	for (let count = 0; tag.exec(html); ) if (++count > TAG_LIMIT) return tag.lastIndex - 2;
	return -1;
}

/**
 * The page's text, from its bytes in `encoding`; an oversized page's without its scripts, styles
 * and comments, which are taken out of its bytes (see byteView: the cuts fall at '<' and '>',
 * never inside a character), and the rest decoded again. Only a page whose text is over the
 * bound loses them: a page of fewer characters than bytes is parsed whole as long as its text fits.
 */
function pageText(bytes: Uint8Array, encoding: string): string {
	const text = decodeAs(bytes, encoding);
	if (text.length <= HTML_PARSE_LIMIT) return text;
	const view = byteView(bytes, encoding);
	return decodeAs(Buffer.concat(partsWithoutScripts(view.bytes)), view.encoding);
}

/** The page, as bytes in `encoding` (see charset.ts), as a document. */
export function parseDocument(bytes: Uint8Array, encoding: string): ParsedDocument {
	let source = pageText(bytes, encoding);
	let cut = false;
	if (source.length > HTML_PARSE_LIMIT) {
		source = source.slice(0, HTML_PARSE_LIMIT);
		cut = true;
	}
	const tooMany = source.length > TAG_LIMIT * 3 ? tagLimitAt(source) : -1;
	if (tooMany !== -1) {
		source = source.slice(0, tooMany);
		cut = true;
	}
	// linkedom takes a document with no <html> as a fragment; a page without one is still a page.
	if (!/<(?:html|head|body)[\s>]/i.test(source.slice(0, 8192))) source = `<!doctype html><html><head></head><body>${source}</body></html>`;
	const {document} = parseHTML(source) as unknown as {document: Document};
	// The parser gives each character reference a text node of its own: a page thick with
	// `&nbsp;` or `&rsquo;` becomes a million nodes that the extractor reads again and again.
	// Joined, as a browser's DOM would have them, they cost what the text costs.
	if (countOf(source, '&') > ENTITIES_TO_JOIN) joinTextNodes(document);
	return {document, cut};
}

const ENTITIES_TO_JOIN = 1000;

const countOf = (text: string, character: string) => {
	let count = 0;
	for (let at = text.indexOf(character); at !== -1 && count <= ENTITIES_TO_JOIN; at = text.indexOf(character, at + 1)) count++;
	return count;
};

/** Adjacent text nodes joined into one, through the whole document, without recursion. */
function joinTextNodes(document: Document): void {
	const stack: Node[] = [document];
	while (stack.length > 0) {
		const node = stack.pop()!;
		for (let child = node.firstChild; child; child = child.nextSibling) {
			if (child.nodeType === 3) {
				const parts: string[] = [];
				for (let next = child.nextSibling; next && next.nodeType === 3; next = child.nextSibling) {
					parts.push((next as Text).data);
					next.remove();
				}
				if (parts.length > 0) (child as Text).data += parts.join('');
			} else if (child.firstChild) stack.push(child);
		}
	}
}

// Finding the article in a page's DOM: Mozilla's Readability (Firefox's reader view), which
// scores the page's blocks by their text and links and keeps the best subtree with its siblings.
// Whether a page holds an article at all is judged first, as Firefox does before it offers the
// reader view, and again on what was found: home, section and error pages hold none.
import {isProbablyReaderable, Readability} from '@mozilla/readability';

export type Extracted = {content: Element; title?: string; byline?: string; readerable: boolean};

export function extractArticle(document: Document): Extracted | undefined {
	const readerable = isProbablyReaderable(document as never);
	// The serializer hands back the article's element itself: nothing is printed and parsed again.
	const reader = new Readability(document as never, {charThreshold: 500, serializer: (element: Node) => element as never});
	const result = reader.parse() as {content: unknown; title?: string | null; byline?: string | null} | null;
	if (!result?.content) return undefined;
	return {content: result.content as Element, title: result.title ?? undefined, byline: result.byline ?? undefined, readerable};
}

// Finding the article in a page's DOM: Mozilla's Readability (Firefox's reader view), which
// scores the page's blocks by their text and links and keeps the best subtree with its siblings.
// Whether a page holds an article at all is judged first, as Firefox does before it offers the
// reader view, and again on what was found: home, section and error pages hold none.
//
// Readability walks the DOM recursively and several times over: a page nested thousands deep, or
// of hundreds of thousands of elements (generated, broken or hostile), would overflow its stack or
// take minutes. Such a page is read as plain text instead, and said to be unusual.
import {Readability} from '@mozilla/readability';

export type Extracted = {content: Element; byline?: string};

// Real news pages: a few thousand elements, nested some 30 deep (the benchmark's pages: at most 1,600 and 31).
const MAX_DEPTH = 250;
const MAX_ELEMENTS = 60_000;

/** Whether the page's tree is within what the extractor is safe on; walked without recursion, stopping early. */
export function isOrdinaryTree(root: Element): boolean {
	let elements = 0;
	const stack: Array<[Element, number]> = [[root, 1]];
	while (stack.length > 0) {
		const [element, depth] = stack.pop()!;
		if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) return false;
		for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
	}
	return true;
}

/** The article's content element, or undefined when the extractor finds none (or fails on the page). */
export function extractArticle(document: Document): Extracted | undefined {
	// The serializer hands back the article's element itself: nothing is printed and parsed again.
	const reader = new Readability(document as never, {charThreshold: 500, serializer: (element: Node) => element as never});
	let result: {content: unknown; byline?: string | null} | null;
	try {
		result = reader.parse() as typeof result;
	} catch {
		// A page broken in a way the extractor does not expect is read as plain text by the caller.
		return undefined;
	}
	if (!result?.content) return undefined;
	return {content: result.content as Element, byline: result.byline ?? undefined};
}

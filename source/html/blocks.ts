// An article's DOM as the blocks docbao shows: paragraphs, sub-headings, list items (one line
// each), block quotes, figure captions, and table rows as text. Text is gathered from the inline
// content of each block; what a reader never sees (scripts, styles, hidden elements, form controls)
// is not text. Links keep their text, and their web address is kept beside the block.
import type {Block, BlockKind, Link} from '../article/types';

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'FORM', 'NAV']);
// Elements that end the text before them and start a block of their own.
const BREAKING = new Set([
	'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL', 'DL', 'DT', 'DD', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD',
	'TBODY', 'TFOOT', 'TR', 'FIGURE', 'FIGCAPTION', 'HR', 'BR', 'ADDRESS', 'CENTER', 'DETAILS', 'SUMMARY', ...HEADINGS,
]);
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|credit|wp-caption-text|image-credit|photo-credit)(?:$|[\s_-])/i;

type Pending = {text: string; links: Link[]};

function isHidden(element: Element): boolean {
	if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
	const style = element.getAttribute('style');
	return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const kindOf = (tag: string, inQuote: boolean, inCaption: boolean): BlockKind => (inCaption ? 'caption' : inQuote ? 'quote' : HEADINGS.has(tag) ? 'heading' : 'paragraph');

/** The web address of a link, made absolute against the page's, when it is one a reader could follow. */
function linkUrl(href: string | null, base: string | undefined): string | undefined {
	if (!href || /^\s*(?:javascript|data|vbscript):/i.test(href)) return undefined;
	try {
		const url = new URL(href.trim(), base);
		return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

export function blocksOf(root: Element, baseUrl?: string): Block[] {
	const blocks: Block[] = [];
	let pending: Pending = {text: '', links: []};
	const flush = (kind: BlockKind) => {
		const text = pending.text.replace(/\s+/g, ' ').trim();
		if (text !== '') blocks.push(pending.links.length > 0 ? {kind, text, links: pending.links} : {kind, text});
		pending = {text: '', links: []};
	};
	const visit = (node: Node, kind: BlockKind, inQuote: boolean, inCaption: boolean) => {
		for (let child = node.firstChild; child; child = child.nextSibling) {
			if (child.nodeType === 3) {
				pending.text += (child as Text).data;
				continue;
			}
			if (child.nodeType !== 1) continue;
			const element = child as Element;
			const tag = element.tagName.toUpperCase();
			if (SKIPPED.has(tag) || isHidden(element)) continue;
			if (tag === 'TABLE') {
				flush(kind);
				table(element, inQuote, inCaption);
				continue;
			}
			if (tag === 'LI') {
				flush(kind);
				visit(element, 'item', inQuote, inCaption);
				flush('item');
				continue;
			}
			if (!BREAKING.has(tag)) {
				const start = pending.text.length;
				visit(element, kind, inQuote, inCaption);
				if (tag === 'A') {
					const url = linkUrl(element.getAttribute('href'), baseUrl);
					const text = pending.text.slice(start).replace(/\s+/g, ' ').trim();
					if (url && text) pending.links.push({text, url});
				}
				continue;
			}
			flush(kind);
			if (tag === 'BR' || tag === 'HR') continue;
			const caption = inCaption || tag === 'FIGCAPTION' || CAPTION_CLASS.test(element.getAttribute('class') ?? '');
			const quote = inQuote || tag === 'BLOCKQUOTE';
			const own = kind === 'item' && tag !== 'UL' && tag !== 'OL' ? 'item' : kindOf(tag, quote, caption);
			visit(element, own, quote, caption);
			flush(own);
		}
	};
	// Each row a line, its cells apart; a table used for layout holds blocks, and is read as such.
	const table = (element: Element, inQuote: boolean, inCaption: boolean) => {
		const rows = [...element.querySelectorAll('tr')].filter((row) => row.closest('table') === element);
		const layout = rows.some((row) => row.querySelector('p, div, table, h1, h2, h3, ul, ol'));
		if (layout) {
			visit(element, kindOf('TABLE', inQuote, inCaption), inQuote, inCaption);
			flush(kindOf('TABLE', inQuote, inCaption));
			return;
		}
		for (const row of rows) {
			const cells = [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH').map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
			const text = cells.filter(Boolean).join(' | ');
			if (text) blocks.push({kind: 'row', text});
		}
	};
	visit(root, 'paragraph', false, false);
	flush('paragraph');
	return blocks;
}

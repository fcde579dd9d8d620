// An article as lines for a given width, each line tagged with its style. The plain-text output
// and the reader's panes both draw from these lines; styling is applied after wrapping, so widths
// are measured on the bare text. Page text is sanitised here, once, before anything is measured.
import type {Article, Block, Comment, RelatedStory} from '../article/types';
import {displayText} from '../text/display';
import {wrapText} from '../text/wrap';

export type LineStyle =
	| 'title'
	| 'kicker'
	| 'date'
	| 'lead'
	| 'paragraph'
	| 'caption'
	| 'quote'
	| 'heading'
	| 'story'
	| 'summary'
	| 'comment-head'
	| 'comment'
	| 'link'
	| 'blank';

/** Where a link's words stand in a wrapped line, and where the link leads. */
export type LineLink = {start: number; end: number; url: string};

export type StyledLine = {
	text: string;
	style: LineStyle;
	/** Index of the block the line belongs to, for body lines. */
	block?: number;
	/** The links whose words are on this line (HTML pages), for the reader's terminal hyperlinks. */
	links?: LineLink[];
};

const BLANK: StyledLine = {text: '', style: 'blank'};

function wrapped(text: string, width: number, style: LineStyle, indent = '', block?: number): StyledLine[] {
	const inner = Number.isFinite(width) ? Math.max(1, width - indent.length) : width;
	return wrapText(displayText(text), inner).map((line) => ({text: indent + line, style, block}));
}

export function formatDate(article: Pick<Article, 'dateline' | 'published' | 'dateSource'>): string | null {
	// The date a page was captured is not the date it was published, and is not shown as one.
	if (article.dateSource === 'crawl' && article.published) return `captured ${article.published}`;
	return article.dateline ?? article.published;
}

/**
 * Title, kicker and date. Plain output puts the title on the first line, for `head -1` and grep;
 * the reader shows the kicker above the title, as the page does.
 */
export function headerLines(article: Article, width: number, kickerFirst = false): StyledLine[] {
	const title = wrapped(article.title || '(untitled)', width, 'title');
	const kicker = article.kicker ? wrapped(article.kicker, width, 'kicker') : [];
	const date = formatDate(article);
	return [...(kickerFirst ? [...kicker, ...title] : [...title, ...kicker]), ...(date ? wrapped(date, width, 'date') : [])];
}

const QUOTE_INDENT = '    ';
const BULLET = '• ';

/**
 * The block's links found in its wrapped lines, in order: a link's words on one line, or begun at
 * the end of one line and carried on over the next ones. Words not found (text changed for the
 * screen) are left unlinked.
 */
function markLinks(lines: StyledLine[], links: Block['links']): StyledLine[] {
	if (!links?.length) return lines;
	const marks = lines.map((): LineLink[] => []);
	let line = 0;
	let from = 0;
	for (const {text, url} of links) {
		const words = displayText(text);
		for (let at = line; at < lines.length; at++) {
			const own = lines[at]!.text;
			const found = own.indexOf(words, at === line ? from : 0);
			if (found !== -1) {
				marks[at]!.push({start: found, end: found + words.length, url});
				[line, from] = [at, found + words.length];
				break;
			}
			const pieces = acrossLines(lines, at, words);
			if (pieces) {
				for (const [index, piece] of pieces.entries()) marks[at + index]!.push({...piece, url});
				[line, from] = [at + pieces.length - 1, pieces.at(-1)!.end];
				break;
			}
		}
	}
	return lines.map((one, index) => (marks[index]!.length > 0 ? {...one, links: marks[index]} : one));
}

/** Where words stand when the wrap broke them: a head ending line `at`, the rest over the lines after it. */
function acrossLines(lines: StyledLine[], at: number, words: string): Array<{start: number; end: number}> | undefined {
	const own = lines[at]!.text;
	for (let cut = words.lastIndexOf(' '); cut > 0; cut = words.lastIndexOf(' ', cut - 1)) {
		const head = words.slice(0, cut);
		if (!own.endsWith(head)) continue;
		const pieces = [{start: own.length - head.length, end: own.length}];
		let rest = words.slice(cut + 1);
		for (let next = at + 1; next < lines.length && rest !== ''; next++) {
			const text = lines[next]!.text;
			const start = text.length - text.trimStart().length;
			const body = text.slice(start);
			if (body.startsWith(rest)) {
				pieces.push({start, end: start + rest.length});
				return pieces;
			}
			if (body === '' || !rest.startsWith(`${body} `)) break;
			pieces.push({start, end: text.length});
			rest = rest.slice(body.length + 1);
		}
	}
	return undefined;
}

function blockLines(block: Block, width: number, index?: number): StyledLine[] {
	return markLinks(kindLines(block, width, index), block.links);
}

function kindLines(block: Block, width: number, index?: number): StyledLine[] {
	switch (block.kind) {
		case 'quote':
			return wrapped(block.text, width, 'quote', QUOTE_INDENT, index);
		case 'item': {
			// A list item hangs from its bullet: the lines after the first are indented under the text.
			const lines = wrapped(block.text, width, 'paragraph', '  ', index);
			if (lines[0]) lines[0] = {...lines[0], text: BULLET + lines[0].text.slice(2)};
			return lines;
		}
		case 'row':
			return wrapped(block.text, width, 'paragraph', '', index);
		default:
			return wrapped(block.text, width, block.kind, '', index);
	}
}

/** Blocks apart by a blank line, but a list's items and a table's rows one under another. */
const together = (a: Block, b: Block) => a.kind === b.kind && (a.kind === 'item' || a.kind === 'row');

export function bodyLines(blocks: Block[], width: number): StyledLine[] {
	const lines: StyledLine[] = [];
	blocks.forEach((block, index) => {
		if (index > 0 && !together(blocks[index - 1]!, block)) lines.push(BLANK);
		append(lines, blockLines(block, width, index));
	});
	return lines;
}

export function storyLines(story: RelatedStory, width: number, withSummary: boolean): StyledLine[] {
	const region = story.region ? `[${story.region}] ` : '';
	const lines = wrapped(region + story.title, width, 'story');
	if (withSummary) append(lines, summaryLines(story, width, '  '));
	return lines;
}

export function summaryLines(story: RelatedStory, width: number, indent = ''): StyledLine[] {
	return story.summary ? wrapped(story.summary, width, 'summary', indent) : [];
}

function commentHeader(comment: Comment): string {
	const who = [comment.author ?? 'Anonymous', comment.contact ? `(${comment.contact})` : ''].filter(Boolean).join(' ');
	return comment.topic ? `${who} on “${comment.topic}”` : who;
}

export function commentLines(comment: Comment, width: number): StyledLine[] {
	const lines = wrapped(commentHeader(comment), width, 'comment-head');
	append(lines, wrapped(comment.text, width, 'comment', '  '));
	return lines;
}

/**
 * Appends one list of lines to another. A paragraph can wrap to more lines than a function takes
 * arguments, so lines are never spread into a call.
 */
function append(lines: StyledLine[], more: StyledLine[]): void {
	for (const line of more) lines.push(line);
}

/**
 * The blocks with each link's words followed by its number (`the bridge [1]`), and the addresses
 * in that order: the references plain output lists under the article with `--links`.
 */
export function numberLinks(blocks: Block[]): {blocks: Block[]; urls: string[]} {
	const urls: string[] = [];
	const numbered = blocks.map((block) => {
		if (!block.links?.length) return block;
		let text = '';
		let rest = block.text;
		for (const link of block.links) {
			const at = rest.indexOf(link.text);
			if (at === -1) continue;
			urls.push(link.url);
			text += `${rest.slice(0, at + link.text.length)} [${urls.length}]`;
			rest = rest.slice(at + link.text.length);
		}
		return {...block, text: text + rest};
	});
	return {blocks: numbered, urls};
}

/** The whole article as `show` prints it: header, body, then the Related and Comments sections. */
export function articleLines(article: Article, width: number, {links = false}: {links?: boolean} = {}): StyledLine[] {
	const lines = headerLines(article, width);
	lines.push(BLANK);
	const {blocks, urls} = links ? numberLinks(article.blocks) : {blocks: article.blocks, urls: []};
	append(lines, bodyLines(blocks, width));
	if (urls.length > 0) {
		lines.push(BLANK);
		append(lines, wrapped('Links', width, 'heading'));
		lines.push(BLANK);
		urls.forEach((url, index) => append(lines, wrapped(`[${index + 1}] ${url}`, width, 'link')));
	}
	if (article.related.length > 0) {
		lines.push(BLANK);
		append(lines, wrapped('Related', width, 'heading'));
		for (const story of article.related) {
			lines.push(BLANK);
			append(lines, storyLines(story, width, true));
		}
	}
	if (article.comments.length > 0) {
		lines.push(BLANK);
		append(lines, wrapped('Comments', width, 'heading'));
		for (const comment of article.comments) {
			lines.push(BLANK);
			append(lines, commentLines(comment, width));
		}
	}
	return lines;
}

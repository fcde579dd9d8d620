// The article wrapped for a pane width, cached per article and width: wrapping happens once per
// width, and each key press only slices the visible window out of the cached lines.
import type {Article} from '../article/types';
import {bodyLines, commentLines, headerLines, storyLines, summaryLines, type StyledLine} from '../render/layout';
import {displayText} from '../text/display';
import {truncateText, wrapText} from '../text/wrap';

export type ArticleLayout = {
	lines: StyledLine[];
	/** The paragraph (0 for the header) each line belongs to, and where each paragraph starts. */
	unitOfLine: Int32Array;
	unitStarts: number[];
};

export type TextLayout = {lines: StyledLine[]};

const BLANK: StyledLine = {text: '', style: 'blank'};

function memoByWidth<T>(build: (article: Article, width: number) => T): (article: Article, width: number) => T {
	const cache = new WeakMap<Article, Map<number, T>>();
	return (article, width) => {
		let byWidth = cache.get(article);
		if (!byWidth) cache.set(article, (byWidth = new Map()));
		let layout = byWidth.get(width);
		if (!layout) {
			layout = build(article, width);
			// A resize storm should not keep every width ever seen.
			if (byWidth.size > 4) byWidth.clear();
			byWidth.set(width, layout);
		}
		return layout;
	};
}

export const articleLayout = memoByWidth((article, width): ArticleLayout => {
	const lines = capTitle(headerLines(article, width, true), width);
	// The web address under the dateline, broken where it passes the width.
	if (article.url) for (const part of wrapText(displayText(article.url), width)) lines.push({text: part, style: 'link'});
	lines.push(BLANK);
	const unitStarts = [0];
	const units: number[] = lines.map(() => 0);
	for (const line of bodyLines(article.blocks, width)) {
		const unit = line.block === undefined ? units.at(-1)! : line.block + 1;
		if (unit !== units.at(-1)) unitStarts[unit] = lines.length;
		lines.push(line);
		units.push(unit);
	}
	return {lines, unitOfLine: Int32Array.from(units), unitStarts};
});

// A title takes at most this many lines on screen; a longer one is cut, and given whole below.
export const TITLE_LINES = 3;

/** The header with its title cut to TITLE_LINES lines (the last ending in "…"), and then the whole title. */
function capTitle(header: StyledLine[], width: number): StyledLine[] {
	const titleLines = header.filter((line) => line.style === 'title');
	if (titleLines.length <= TITLE_LINES) return header;
	const first = header.indexOf(titleLines[0]!);
	const kept = titleLines.slice(0, TITLE_LINES);
	const last = kept[TITLE_LINES - 1]!;
	kept[TITLE_LINES - 1] = {...last, text: truncateText(`${last.text} ${titleLines[TITLE_LINES]!.text}`, width).replace(/…?$/, '…')};
	const whole = titleLines.map((line) => line.text).join(' ');
	return [...header.slice(0, first), ...kept, ...header.slice(first + titleLines.length), BLANK, ...wrapText(whole, width).map((text) => ({text, style: 'paragraph' as const}))];
}

export const commentLayout = memoByWidth((article, width): TextLayout => {
	const lines: StyledLine[] = [];
	article.comments.forEach((comment, index) => {
		if (index > 0) lines.push(BLANK);
		for (const line of commentLines(comment, width)) lines.push(line);
	});
	return {lines};
});

/** Each related story's title lines (with the mark column left free) for the sidebar list. */
export const relatedLayout = memoByWidth((article, width): StyledLine[][] =>
	article.related.map((story) => storyLines(story, Math.max(1, width - 2), false)),
);

/** The top line for a new layout that keeps the same paragraph, at the same relative place, on top. */
export function anchorTop(top: number, from: ArticleLayout, to: ArticleLayout): number {
	if (from === to || from.lines.length === 0) return top;
	const unit = from.unitOfLine[Math.min(top, from.lines.length - 1)] ?? 0;
	const fromStart = from.unitStarts[unit] ?? 0;
	const fromEnd = from.unitStarts[unit + 1] ?? from.lines.length;
	const toStart = to.unitStarts[unit] ?? 0;
	const toEnd = to.unitStarts[unit + 1] ?? to.lines.length;
	const fraction = fromEnd > fromStart ? (top - fromStart) / (fromEnd - fromStart) : 0;
	return toStart + Math.floor(fraction * (toEnd - toStart));
}

export type SidebarLayout = {
	rows: Array<{text: string; story: number; first: boolean}>;
	/** The first row shown, and how many rows the list of stories takes. */
	top: number;
	listRows: number;
	summary: StyledLine[];
	summaryRows: number;
};

/**
 * The sidebar for a pane size and a selected story: the stories' title rows under the heading,
 * scrolled to keep the selected one in view, and its summary below them. The sidebar draws it
 * and a click is placed on it, so the two agree.
 */
export function sidebarLayout(article: Article, width: number, height: number, selected: number): SidebarLayout {
	const titles = relatedLayout(article, width);
	const rows = titles.flatMap((lines, story) => lines.map((line, index) => ({text: line.text, story, first: index === 0})));
	const story = article.related[selected];
	const summary = story ? summaryLines(story, width) : [];
	const body = Math.max(0, height - 1);
	// The list takes what it needs, up to two thirds when a summary is to be shown below it.
	const listRows = Math.min(rows.length, summary.length > 0 ? Math.max(1, Math.ceil((body * 2) / 3)) : body);
	const firstOfSelected = rows.findIndex((row) => row.story === selected);
	const lastOfSelected = rows.findLastIndex((row) => row.story === selected);
	let top = 0;
	if (lastOfSelected >= listRows) top = Math.min(firstOfSelected, lastOfSelected - listRows + 1);
	return {rows, top, listRows, summary, summaryRows: Math.max(0, body - listRows - 1)};
}

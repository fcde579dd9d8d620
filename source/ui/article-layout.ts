// The article wrapped for a pane width, cached per article and width: wrapping happens once per
// width, and each key press only slices the visible window out of the cached lines.
import type {Article} from '../article/types';
import {bodyLines, commentLines, headerLines, storyLines, type StyledLine} from '../render/layout';

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
	const lines = [...headerLines(article, width, true), BLANK];
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

import {describe, expect, it} from 'vitest';
import {readdirSync} from 'node:fs';
import {parseArticle, segmentPage} from '../source/article/parse';
import type {Article} from '../source/article/types';
import {fixturesDir, readFixture, readPage, seedPath} from './helpers/pages';

const WORD = /[\p{L}\p{N}]+/gu;

function countWords(texts: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const text of texts) for (const word of text.normalize('NFC').match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
	return counts;
}

function fieldTexts(article: Article): string[] {
	return [
		article.kicker ?? '', article.title, article.dateline ?? '',
		...article.blocks.map((block) => block.text),
		...article.related.flatMap((story) => [story.title, story.region ?? '', story.summary ?? '']),
		...article.comments.flatMap((comment) => [comment.topic ?? '', comment.text, comment.author ?? '', comment.contact ?? '']),
	];
}

/** The page's words that the article does not hold, leaving out chrome, headings and the reply marker. */
function lostWords(text: string): string[] {
	const {lines} = segmentPage(text);
	const kept = lines.filter((line) => !['chrome', 'heading', 'meta'].includes(line.role)).map((line) => line.text.replace(/Trả lời:/g, ''));
	const page = countWords(kept);
	const article = countWords(fieldTexts(parseArticle(text, {id: 'x', source: 'x'})));
	return [...page].filter(([word, count]) => (article.get(word) ?? 0) < count).map(([word]) => word);
}

describe('nothing is lost', () => {
	it('keeps every word of the seed outside its chrome', () => {
		expect(lostWords(readPage(seedPath))).toEqual([]);
	});

	for (const name of readdirSync(fixturesDir).filter((file) => file.endsWith('.txt'))) {
		it(`keeps every word of ${name}`, () => {
			expect(lostWords(readFixture(name))).toEqual([]);
		});
	}

});

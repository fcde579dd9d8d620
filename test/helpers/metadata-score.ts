// Titles and dates scored against each page's own metadata (`en_aeb_metadata.tsv`), as
// ../shared/tools/score-metadata.mjs scores them: a title right when it equals a headline (or one
// less its site's name) or shares 80% of its words; a date right within one day.
import {readFileSync} from 'node:fs';
import type {Article} from '../../source/article/types';

/** Words of a title as the scorer compares them: case, punctuation and spacing aside. */
const words = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').split(/\s+/).filter(Boolean);

export function titleMatches(title: string, headlines: string[]): boolean {
	const mine = words(title);
	return headlines.some((headline) => {
		const forms = [headline, ...[' - ', ' | ', ' – ', ' — ', ' :: '].map((separator) => headline.split(separator).slice(0, -1).join(separator)).filter(Boolean)];
		return forms.some((form) => {
			const theirs = words(form);
			if (theirs.join(' ') === mine.join(' ')) return true;
			const left = new Map<string, number>();
			for (const word of theirs) left.set(word, (left.get(word) ?? 0) + 1);
			let common = 0;
			for (const word of mine) if ((left.get(word) ?? 0) > 0) (left.set(word, left.get(word)! - 1), common++);
			if (common === 0) return false;
			const precision = common / mine.length;
			const recall = common / theirs.length;
			return (2 * precision * recall) / (precision + recall) >= 0.8;
		});
	});
}

/** Titles right, dates right and dates wrong of the articles `articleOf` gives for the pages of the metadata file. */
export function scoreMetadata(metadataFile: string, articleOf: (page: string) => Article): {titles: number; right: number; wrong: number} {
	let titles = 0;
	let right = 0;
	let wrong = 0;
	for (const line of readFileSync(metadataFile, 'utf8').split('\n').slice(1)) {
		const [page, headlines, date] = line.split('\t');
		if (!page) continue;
		const article = articleOf(page);
		if (titleMatches(article.title, headlines!.split(' || '))) titles++;
		if (!date || !article.published) continue;
		// One day of slack, for time zones.
		if (Math.abs(Date.parse(article.published.slice(0, 10)) - Date.parse(date)) <= 86_400_000) right++;
		else wrong++;
	}
	return {titles, right, wrong};
}

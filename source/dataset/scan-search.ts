// Full-text search without an index (--no-index, or no SQLite): every article is opened and its
// folded text scanned. The same query syntax and the same idea of a match as the index's; a
// simpler ranking (title matches weigh eight times body matches). Its cost grows with the dataset.
import {foldKey} from '../text/fold';
import type {QueryTerm} from './index/query';
import {bodyText} from './index/rows';
import {snippetOf, type Snippet} from './index/snippet';
import {openInDataset, type Dataset, type Entry} from './load';

export type ScanHit = {entry: Entry; score: number; snippet: Snippet};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function occurrences(text: string, term: QueryTerm): number {
	const pattern = new RegExp(`(?:^| )${escape(term.tokens.join(' '))}${term.prefix ? '' : '(?= |$)'}`, 'g');
	return text.match(pattern)?.length ?? 0;
}

export function scanSearch(dataset: Dataset, terms: QueryTerm[], warn: (message: string) => void): ScanHit[] {
	const hits: ScanHit[] = [];
	for (const entry of dataset.entries) {
		let article;
		try {
			article = openInDataset(entry, dataset);
		} catch (error) {
			warn(`skipping ${entry.id}: ${(error as Error).message}`);
			continue;
		}
		const title = foldKey(article.title);
		const body = foldKey(bodyText(article));
		let score = 0;
		for (const term of terms) {
			const found = 8 * occurrences(title, term) + occurrences(body, term);
			if (found === 0) {
				score = 0;
				break;
			}
			score += found;
		}
		if (score > 0) hits.push({entry, score, snippet: snippetOf(bodyText(article), terms)});
	}
	// Newest first among equals, as the listing is ordered.
	return hits.sort((a, b) => b.score - a.score);
}

// Body-extraction score in the manner of the Article Extraction Benchmark: word tokens, 4-token
// shingles, per-page precision and recall averaged over pages, F1 of the two averages.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseArticle} from '../../source/article/parse';
import type {Article} from '../../source/article/types';
import {decodeBytes} from '../../source/text/decode';

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

function shingles(text: string): Map<string, number> {
	const tokens = text.match(WORD) ?? [];
	const counts = new Map<string, number>();
	const last = Math.max(1, tokens.length - 3);
	for (let i = 0; i < last; i++) {
		const shingle = tokens.slice(i, i + 4);
		if (shingle.length === 0) continue;
		const key = shingle.join('\u0001');
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

export type PageScore = {name: string; precision: number; recall: number; hasPrediction: boolean; hasTruth: boolean};

export function scorePage(name: string, truth: string, predicted: string): PageScore {
	const expected = shingles(truth);
	const found = shingles(predicted);
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const key of new Set([...expected.keys(), ...found.keys()])) {
		const a = expected.get(key) ?? 0;
		const b = found.get(key) ?? 0;
		tp += Math.min(a, b);
		fp += Math.max(0, b - a);
		fn += Math.max(0, a - b);
	}
	const both = fp === 0 && fn === 0;
	return {
		name,
		precision: both ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp),
		recall: both ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn),
		hasPrediction: tp + fp > 0,
		hasTruth: tp + fn > 0,
	};
}

export function bodyText(article: Article): string {
	return article.blocks.filter((block) => block.kind !== 'caption').map((block) => block.text).join('\n\n');
}

export type CorpusScore = {f1: number; precision: number; recall: number; pages: PageScore[]};

export function scoreCorpus(pagesDir: string, truthDir: string): CorpusScore {
	return scoreArticles(truthDir, (name) => parseArticle(decodeBytes(readFileSync(join(pagesDir, name))), {id: name, source: name}));
}

/** The score of the articles `articleOf` gives for the truth's pages (by the truth's file name), or of some of them. */
export function scoreArticles(truthDir: string, articleOf: (name: string) => Article, only: (name: string) => boolean = () => true): CorpusScore {
	const pages = readdirSync(truthDir).sort().filter(only).map((name) => scorePage(name, readFileSync(join(truthDir, name), 'utf8'), bodyText(articleOf(name))));
	const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);
	const precision = mean(pages.filter((page) => page.hasPrediction).map((page) => page.precision));
	const recall = mean(pages.filter((page) => page.hasTruth).map((page) => page.recall));
	return {f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0, precision, recall, pages};
}

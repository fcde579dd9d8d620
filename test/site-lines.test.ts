// Lines a site repeats on many pages count as furniture when a page is opened within its dataset.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArticle} from '../source/article/parse';
import {findEntry, loadDataset, openInDataset} from '../source/dataset/load';
import {recurringLines} from '../source/dataset/site-lines';
import {runCli} from './helpers/cli';

// The site's promotion reads like prose and follows the article with nothing in between.
const PROMO = [
	'Our newsroom relies on readers like you to keep reporting on the towns of the valley every single day.',
	'Become a member today and help us send reporters to every council meeting, court hearing and school board vote.',
	'Members also receive our weekend edition by mail, with the week’s best stories chosen by our editors for you.',
];
const TOWNS = ['Millbrook', 'Ashford', 'Cedar Falls', 'Dunmore', 'Elmwood', 'Fairview'];

function sitePage(town: string, index: number): string {
	const menu = Array.from({length: 30}, (_, i) => `Section ${i}`).join('\n');
	const story = Array.from({length: 4}, (_, i) => `In ${town}, the ${i + 1}th paragraph of story ${index} explains what the council decided and what it means for people who live there.`);
	return [`${town} council approves new park - The Valley Courier`, menu, `${town} council approves new park`, 'By Staff Reporter', ...story, ...PROMO, 'About Us', 'Contact', '© 2019 The Valley Courier'].join('\n');
}

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'docbao-site-'));
	TOWNS.forEach((town, index) => writeFileSync(join(folder, `story-${index}.txt`), sitePage(town, index)));
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));

describe('lines a site repeats across its pages', () => {
	it('are the ones found on at least three sampled pages, and a fifth of them', () => {
		const pages = TOWNS.map((_, index) => ({path: join(folder, `story-${index}.txt`), label: `story-${index}.txt`}));
		const lines = recurringLines(pages);
		for (const line of [...PROMO, 'Section 3', 'About Us', 'By Staff Reporter']) expect(lines.has(line), line).toBe(true);
		expect([...lines].some((line) => line.includes('Millbrook'))).toBe(false);
		expect(recurringLines(pages.slice(0, 3)).size).toBe(0);
	});

	it('keep a site’s prose-like promotion out of the article when the page is opened in its dataset', async () => {
		const alone = parseArticle(sitePage('Millbrook', 0), {id: 'x', source: 'x'});
		expect(alone.blocks.map((block) => block.text)).toContain(PROMO[0]);
		const dataset = await loadDataset(folder);
		const article = openInDataset(findEntry(dataset, 'story-0')!, dataset);
		expect(article.title).toBe('Millbrook council approves new park');
		expect(article.blocks.map((block) => block.text)).toEqual(alone.blocks.map((block) => block.text).filter((text) => !PROMO.includes(text)));
		expect(article.blocks).toHaveLength(4);
	});

	it('do so in show as well', () => {
		const run = runCli(['show', 'story-2', '--data', folder]);
		expect(run.stdout).toContain('In Cedar Falls, the 1th paragraph');
		expect(run.stdout).not.toContain('Become a member');
	});
});

// Finding the article in whole-page text: each rule on a page of our own, and the score on the
// public Article Extraction Benchmark's pages.
import {describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {parseArticle, segmentPage} from '../source/article/parse';
import {corpusDir, readFixture} from './helpers/pages';
import {scoreCorpus} from './helpers/extraction-score';

const page = readFixture('whole-pages/flood.txt');
const article = parseArticle(page, {id: 'flood', source: 'flood.txt'});
const body = article.blocks.map((block) => block.text);

describe('a whole page', () => {
	it('takes the headline repeated above the article, not the browser title with the site name', () => {
		expect(article.title).toBe('River towns brace for record flood crest');
	});

	it('takes the date next to the byline, not the date in the masthead', () => {
		expect(article.published).toBe('2019-03-05T10:31:00+00:00');
	});

	it('keeps every paragraph of the article, across a related-articles box set into it', () => {
		expect(body[0]).toMatch(/^MILLBROOK — Residents of three river towns/);
		expect(body.at(-1)).toMatch(/^The river is expected to fall slowly/);
		expect(body).toHaveLength(6);
		expect(article.blocks[0]!.kind).toBe('lead');
	});

	it('leaves out menus, share bars, the box’s teasers, comments, cookie notes and footers', () => {
		const text = body.join('\n');
		for (const furniture of ['Skip to main content', 'Subscribe', 'Facebook', 'Snowmelt pushes', 'Advertisement', 'Stay safe everyone', 'riverwatcher', 'cookies', 'All rights reserved', 'Most Popular']) {
			expect(text).not.toContain(furniture);
		}
		const roles = new Map(segmentPage(page).lines.map((line) => [line.text, line.role]));
		expect(roles.get('Home')).toBe('masthead');
		expect(roles.get('Terms of Use')).toBe('boilerplate');
	});
});

describe('a page saved from its article alone', () => {
	it('ends its text where a run of lines that are not prose begins: share links, time stamps, an image address', () => {
		const text = ['Flood crest nears river towns', 'Tuesday 5 March 2019 10:31 GMT', 'Residents of three river towns spent the weekend filling sandbags as forecasters warned of the crest.', 'The county opened two shelters and asked people in the lowest streets to leave their homes.', 'facebook', 'twitter', '2019-03-05T10:31:40+01:00', 'https://static.example.org/image/flood-500-250.jpg', '500', 'Residents of three river towns spent the…'].join('\n');
		const blocks = parseArticle(text, {id: 'f', source: 'f.txt'}).blocks.map((block) => block.text);
		expect(blocks).toHaveLength(2);
		expect(blocks[1]).toMatch(/^The county opened/);
	});
});

describe('header metadata lines', () => {
	it('become fields: the url, the date, not text', () => {
		const parsed = parseArticle('# doc_id = news_1\n# url = https://example.org/tin\n# date = 20201005\nTiêu đề của bài\nCâu đầu tiên của bài báo.\n', {id: 'x', source: 'x'});
		expect(parsed.url).toBe('https://example.org/tin');
		expect(parsed.published).toBe('2020-10-05');
		expect(parsed.title).toBe('Tiêu đề của bài');
		expect(parsed.blocks.map((block) => block.text)).toEqual(['Câu đầu tiên của bài báo.']);
	});
});

const pages = join(corpusDir, 'en_aeb_fullpage_htmltext');
const truth = join(corpusDir, 'en_aeb_groundtruth');
const benchmark = existsSync(pages) && existsSync(truth);
if (!benchmark) console.warn(`extraction benchmark skipped: no pages under ${pages}`);

describe.skipIf(!benchmark)('the Article Extraction Benchmark', () => {
	it('scores F1 of at least 0.925 on its 100 pages (0.929 when measured, each page alone)', () => {
		const {f1, precision, recall} = scoreCorpus(pages, truth);
		expect(f1, `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`).toBeGreaterThanOrEqual(0.925);
	});
});

describe('sections after the article on a whole page', () => {
	it('take only what looks like their entries, and end where the footer starts', () => {
		const furniture = Array.from({length: 30}, (_, i) => `Menu item ${i}`).join('\n');
		const paragraphs = Array.from({length: 4}, (_, i) => `Paragraph ${i} of the story tells the reader what happened in the town and why it matters to them.`).join('\n');
		const text = `A town votes on its bridge | The Town Crier\n${furniture}\nA town votes on its bridge\n${paragraphs}\nComments\nJoin us for the weekly quiz\nGreat story about our town Trả lời: I was there and it was just as told. Lan Anh: lan@example.org\nPrivacy Policy\nAbout us`;
		const parsed = parseArticle(text, {id: 'x', source: 'x'});
		expect(parsed.title).toBe('A town votes on its bridge');
		expect(parsed.blocks).toHaveLength(4);
		expect(parsed.comments).toEqual([{topic: 'Great story about our town', text: 'I was there and it was just as told.', author: 'Lan Anh', contact: 'lan@example.org'}]);
	});
});

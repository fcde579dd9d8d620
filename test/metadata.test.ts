// An article's title and date: the same in a listing and in the opened article on every page of
// the shared corpus, scored against the pages' own metadata, and each dateline rule on pages of
// our own (a list of teasers with dates, an update and a publication, embedded posts, comments).
import {describe, expect, it} from 'vitest';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {parseArticle} from '../source/article/parse';
import {loadDataset, openArticle} from '../source/dataset/load';
import {siblingContext} from '../source/dataset/siblings';
import {corpusDir} from './helpers/pages';
import {scoreMetadata} from './helpers/metadata-score';

/** A whole page: a menu, the headline, what stands between it and the text, the text, a footer. */
function wholePage(between: string[], after: string[] = []): string {
	const menu = ['Home', 'World', 'Business', 'Sport', 'Culture', 'Opinion', 'Subscribe', 'Sign in', 'Search', 'Newsletters', 'Podcasts', 'Video'];
	const text = [
		'River towns brace for record flood crest as the water keeps rising through the week.',
		'Residents of three river towns spent the weekend filling sandbags as forecasters warned that the crest would arrive on Tuesday.',
		'The county opened two shelters and asked people in the lowest streets to leave their homes before nightfall.',
		'Officials said the levee along the eastern bank had held so far, but that crews would watch it through the night.',
		'The river is expected to fall slowly over the following days, and roads should reopen by the end of the week.',
	];
	const footer = ['About us', 'Contact', 'Terms of Use', 'Privacy Policy', 'Cookie settings', '© 2019 River News. All rights reserved.'];
	return [`Flood crest nears river towns - River News`, ...menu, 'Flood crest nears river towns', ...between, ...text, ...after, ...footer].join('\n') + '\n';
}

const dateOf = (page: string) => parseArticle(page, {id: 'p', source: 'p.txt'}).published;

describe('the article’s own date on a whole page', () => {
	it('takes the date under the headline, not the nearest of a list of teasers with their dates', () => {
		const teasers = ['Older stories', 'Bridge closed after storm', 'November 16, 2016', 'Dam repairs begin', 'December 18, 2015', 'Levee funding approved', 'May 27, 2014'];
		expect(dateOf(wholePage(['River News November 20, 2019 13:42', ...teasers]))).toBe('2019-11-20T13:42:00');
	});

	it('prefers the publication to an update', () => {
		expect(dateOf(wholePage(['By Ann Lee', 'First published on November 18, 2019 / 8:16 AM', 'Updated: November 19, 2019, 10:07 AM']))).toMatch(/^2019-11-18T08:16/);
	});

	it('reads a byline with its date, and a line of particulars next to the text', () => {
		expect(dateOf(wholePage(['Posted by Michael Smith on November 19, 2019, 6:21 AM EST']))).toBe('2019-11-19T06:21:00-05:00');
		expect(dateOf(wholePage(['Carlos Nadalim 27/09/2018 Comente! Alfabetização, Brinquedos']))).toBe('2018-09-27');
	});

	it('takes no date from an embedded post, a citation or the comments, and none that is relative', () => {
		expect(dateOf(wholePage(['Updated an hour ago'], ['— River Watch (@riverwatch) November 18, 2019', 'Comments', 'Jo November 19, 2019 at 6:34 am', 'Great story.']))).toBeNull();
		expect(dateOf(wholePage(['Citation: Flood crest nears (2019, November 18) retrieved 20 November 2019']))).toBeNull();
	});
});

// Pages of the shared corpus: every folder of text pages.
const pageFolders = existsSync(corpusDir)
	? readdirSync(corpusDir, {withFileTypes: true})
			.filter((entry) => entry.isDirectory() && !entry.name.endsWith('groundtruth'))
			.map((entry) => join(corpusDir, entry.name))
	: [];
if (pageFolders.length === 0) console.warn(`listing and article agreement skipped: no pages under ${corpusDir}`);

describe.skipIf(pageFolders.length === 0)('the listing and the opened article', () => {
	it('agree on the title and the date of every page of the shared corpus', async () => {
		const differences: string[] = [];
		let pages = 0;
		for (const folder of pageFolders) {
			const context = siblingContext(folder);
			for (const name of readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
				const path = join(folder, name);
				// As `list FILE` and `show FILE` do: the listing from the page alone, the article with its folder's site lines.
				const [entry] = (await loadDataset(path, {warn: () => {}})).entries;
				const article = openArticle(entry!, context.titles, () => context.siteLines(dirname(path)));
				pages++;
				if (entry!.title !== article.title || entry!.published !== article.published) {
					differences.push(`${name}: list ${JSON.stringify([entry!.title, entry!.published])}, show ${JSON.stringify([article.title, article.published])}`);
				}
			}
		}
		expect(pages).toBeGreaterThan(100);
		expect(differences).toEqual([]);
	});
});

const metadataFile = join(corpusDir, 'en_aeb_metadata.tsv');
const benchmarkPages = join(corpusDir, 'en_aeb_fullpage_htmltext');

describe.skipIf(!existsSync(metadataFile))('titles and dates against the pages’ own metadata', () => {
	it('finds the date of at least 71 of the 83 dated pages, none wrong, and the title of at least 99 of 100', () => {
		const {titles, right, wrong} = scoreMetadata(metadataFile, (page) => parseArticle(readFileSync(join(benchmarkPages, `${page}.txt`), 'utf8'), {id: page, source: page}));
		expect(right).toBeGreaterThanOrEqual(71);
		expect(wrong).toBe(0);
		expect(titles).toBeGreaterThanOrEqual(99);
	});
});

describe('titles', () => {
	const parse = (text: string) => parseArticle(text, {id: 'p', source: 'p.txt'});

	it('makes a page without a headline a title from its lead’s first sentence, never from a photo caption', () => {
		const article = parse('Toàn cảnh khu chợ sau trận mưa lớn (Ảnh: Reuters).\nTrận mưa lớn kéo dài suốt đêm qua đã làm ngập nhiều tuyến phố ở trung tâm TP. Huế. Người dân phải di chuyển đồ đạc lên cao để tránh nước.\nChính quyền đã điều lực lượng hỗ trợ người dân.\n');
		expect(article.title).toBe('Trận mưa lớn kéo dài suốt đêm qua đã làm ngập nhiều tuyến phố ở trung tâm TP. Huế.');
		expect(article.titleSource).toBe('lead');
		// Nothing of the page is lost: the caption and the lead stay in the body.
		expect(article.blocks.map((block) => block.text.slice(0, 12))).toEqual(['Toàn cảnh kh', 'Trận mưa lớn', 'Chính quyền ']);
	});

	it('cuts a long first sentence at a word, to 120 characters with an ellipsis', () => {
		const lead = 'Ngày 1/5, Công an thị xã Phú Mỹ đã phối hợp với Phòng An ninh chính trị nội bộ, Công an tỉnh Bà Rịa - Vũng Tàu tổ chức kiểm tra nhiều cơ sở kinh doanh.';
		const {title} = parse(`${lead}\nNội dung tiếp theo của bài viết.\n`);
		expect(title.length).toBeLessThanOrEqual(120);
		expect(title.endsWith('…')).toBe(true);
		expect(lead.startsWith(title.slice(0, -1))).toBe(true);
	});

	it('takes a web address’s slug when it is clearly the headline of a page written without diacritics', () => {
		const article = parse('# url = https://example.com/news/video-shows-dramatic-rescue-of-kidnapped-girl-565118282.html\nA video showing the dramatic moment a kidnapped girl was rescued by police was released on Monday, the police said in a statement.\nThe girl was found safe.\n');
		expect(article).toMatchObject({title: 'Video shows dramatic rescue of kidnapped girl', titleSource: 'url'});
		// In Vietnamese the slug has lost its marks: the lead gives the title.
		const vietnamese = parse('# url = https://dantri.com.vn/xa-hoi/mua-lon-gay-ngap-nhieu-tuyen-pho-20210422182056139.htm\nMưa lớn gây ngập nhiều tuyến phố trong đêm qua, khiến giao thông ùn tắc kéo dài nhiều giờ liền ở trung tâm thành phố.\nNội dung.\n');
		expect(vietnamese.titleSource).toBe('lead');
		// A malformed escape in the address is no title, and no failure.
		const malformed = parse('# url = https://example.com/news/video-shows-dramatic-rescue-%E0%A4-of-girl.html\nA video showing the dramatic moment a kidnapped girl was rescued by police was released on Monday, the police said in a statement.\nMore.\n');
		expect(malformed.titleSource).toBe('lead');
	});

	it('takes no web address, breadcrumb trail or byline of names for a headline, and drops a site’s name shown elsewhere', () => {
		const menu = Array.from({length: 30}, (_, i) => `Menu item ${i}`);
		const text = (lines: string[]) => [...lines, ...menu].join('\n');
		expect(parse(text(['Flood crest nears river towns - River News', ...menu.slice(0, 3), '//www.river.com/Flood-Crest-Nears-River-Towns', 'Flood crest nears river towns', 'The river rose again overnight as the crest moved downstream toward the three towns.', 'Copyright © 2019 River News'])).title).toBe('Flood crest nears river towns');
		expect(parse('Prison guards charged - USA TODAY\nTwo federal prison officers charged with falsifying records\nKevin Johnson and Kevin McCoy USA TODAY\nPublished 7:07 PM EST Nov 19, 2019\nWASHINGTON – Two federal prison officers were charged Tuesday with falsifying records, prosecutors said in a statement on Tuesday.\n').title).toBe('Two federal prison officers charged with falsifying records');
		const browser = parse(text(['Home Depot stock falls after earnings report - Barron’s Weekly', 'Home', 'Markets', 'The company said on Tuesday that sales in its stores were lower than expected, sending its shares down sharply in early trading.', 'Copyright 2019 Barron’s Weekly']));
		expect(browser).toMatchObject({title: 'Home Depot stock falls after earnings report', titleSource: 'browser-title'});
	});
});

const dantri = join(corpusDir, 'vn_dantri_unc');
describe.skipIf(!existsSync(dantri))('titles of pages saved without their headline', () => {
	it('are never photo captions, and are 120 characters at most when made from the lead', () => {
		for (const name of readdirSync(dantri)) {
			const article = parseArticle(readFileSync(join(dantri, name), 'utf8'), {id: name, source: name});
			expect(article.title, name).not.toMatch(/\((?:ảnh|Ảnh)/);
			if (article.titleSource === 'lead') expect(article.title.length, name).toBeLessThanOrEqual(120);
		}
	});
});

describe('sections after the article and kickers on whole pages', () => {
	const related = (after: string[], between: string[] = []) => parseArticle(wholePage(between, ['Related stories', ...after]), {id: 'p', source: 'p.txt'});

	it('keeps the stories’ titles of a related section, each once, and drops its names, dates and counters', () => {
		const article = related(['Levee repairs begin along the eastern bank', 'Anna Menin', 'November 18, 2019 at 2:01 pm', 'Shelters open for families in low streets', '10', 'Levee repairs begin along the eastern bank', 'Farmers count the cost of the spring floods']);
		expect(article.related.map((story) => story.title)).toEqual(['Levee repairs begin along the eastern bank', 'Shelters open for families in low streets', 'Farmers count the cost of the spring floods']);
	});

	it('shows no sidebar for a section that is mostly names, dates, counters and labels', () => {
		expect(related(['Alessio Palumbo • Nov 18', '10', 'Rohail Saleem • Nov 18', '11', 'AdChoices', '1 2 3 4 5', 'Levee repairs begin along the eastern bank']).related).toEqual([]);
	});

	it('takes a label above the headline for a kicker only when it is one', () => {
		const kicker = (label: string) => parseArticle(wholePage([]).replace('\nFlood crest nears river towns\n', `\n${label}\nFlood crest nears river towns\n`), {id: 'p', source: 'p.txt'}).kicker;
		expect(kicker('Up next:')).toBeNull();
		expect(kicker('BREAKING:')).toBe('BREAKING');
		expect(kicker('River floods:')).toBe('River floods');
	});
});

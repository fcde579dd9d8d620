// HTML pages, WARC archives and Parquet files of our own making: charsets, the blocks an article is
// made of, the page's metadata, and every fault a crawl can hold — each a warning or a clear error
// naming the file, never a crash or a hang, with every readable article before the fault listed.
import {describe, expect, it, beforeAll, afterAll} from 'vitest';
import {existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync, truncateSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {decodeHtml} from '../source/html/charset';
import {parseHtmlPage} from '../source/html/article';
import {pageFacts} from '../source/html/facts';
import {metadataDate} from '../source/html/metadata';
import {loadDataset, openInDataset} from '../source/dataset/load';
import {dechunk} from '../source/dataset/http';
import {articlePage, gzipMembers, htmlResponse, warcRecord} from './helpers/warc';
import {runCli} from './helpers/cli';
import {projectRoot} from './helpers/pages';

let work: string;
beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'docbao-html-'));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

const page = (html: string, url?: string) => parseHtmlPage(html, {id: 'p', source: 'p.html', url});

describe('charsets', () => {
	const latin = (text: string) => Buffer.from(text, 'latin1');

	it('follows a byte-order mark over any declaration', () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1251"><p>Đọc báo</p>')]);
		expect(decodeHtml(bytes)).toContain('Đọc báo');
	});

	it('reads <meta charset>, http-equiv, and the HTTP header, the header first', () => {
		const cyrillic = Buffer.concat([Buffer.from('<meta charset="windows-1251"><p>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('</p>')]);
		expect(decodeHtml(cyrillic)).toContain('Привет');
		const equiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><p>'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from('</p>')]);
		expect(decodeHtml(equiv)).toContain('日本');
		expect(decodeHtml(cyrillic, 'koi8-r')).not.toContain('Привет');
	});

	it('reads a page that declares nothing, or declares UTF-8 but is Latin-1, from its bytes', () => {
		expect(decodeHtml(Buffer.from('<p>Nông nghiệp</p>'))).toContain('Nông nghiệp');
		expect(decodeHtml(latin('<meta charset="utf-8"><p>Caf\u00e9 cr\u00e8me</p>'))).toContain('Café crème');
		expect(decodeHtml(latin('<meta charset="iso-8859-1"><p>\u0093quoted\u0094</p>'))).toContain('“quoted”');
	});
});

describe('the blocks of an article', () => {
	const body = `<p>The council met on Tuesday to discuss the budget for the coming year, and the debate ran late into the night as members argued.</p>
<h2>What was decided</h2>
<p>Members agreed to <a href="/bridge">repair the bridge</a> first, and to <a href="javascript:alert(1)">review</a> the rest in spring, after the <a href="https://example.org/floods">floods</a>.</p>
<ul><li>The bridge, in March.</li><li>The school roof, in May.</li></ul>
<blockquote><p>We cannot wait another winter, the mayor said to the members of the council.</p></blockquote>
<figure><img src="a.jpg"><figcaption>The river bridge in November. Photo: Ann Lee</figcaption></figure>
<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Bridge</td><td>£2m</td></tr></table>
<p style="display:none">Hidden teaser that no reader sees.</p><div hidden>Also hidden.</div>
<script>document.write('not text')</script><style>p { color: red }</style>
<p>The meeting ended after midnight, and the vote will be held again next month when the figures are in from the engineers.</p>`;
	const html = `<html lang="en-GB"><head><title>Council backs bridge repairs - Town News</title><meta name="application-name" content="Town News"></head><body><nav>Home | News</nav><article>${body}</article><footer>Contact · © 2019 Town News</footer></body></html>`;

	it('keeps paragraphs, sub-headings, list items, quotes, captions and table rows apart, and never scripts, styles or hidden text', () => {
		const {article} = page(html, 'https://news.example.org/council/bridge');
		const kinds = article.blocks.map((block) => `${block.kind}: ${block.text.slice(0, 24)}`);
		expect(kinds).toEqual([
			'paragraph: The council met on Tuesd',
			'heading: What was decided',
			'paragraph: Members agreed to repair',
			'item: The bridge, in March.',
			'item: The school roof, in May.',
			'quote: We cannot wait another w',
			'caption: The river bridge in Nove',
			'row: Item | Cost',
			'row: Bridge | £2m',
			'paragraph: The meeting ended after ',
		]);
		const text = article.blocks.map((block) => block.text).join('\n');
		expect(text).not.toMatch(/Hidden|not text|color: red/);
	});

	it('keeps links’ words in the text and their addresses beside it, made absolute; never a script’s', () => {
		const {article} = page(html, 'https://news.example.org/council/bridge');
		const links = article.blocks.flatMap((block) => block.links ?? []);
		expect(links).toEqual([
			{text: 'repair the bridge', url: 'https://news.example.org/bridge'},
			{text: 'floods', url: 'https://example.org/floods'},
		]);
	});

	it('takes the browser title less the site’s name its metadata gives, and the language, when the page says no more', () => {
		const {article} = page(html, 'https://news.example.org/council/bridge');
		expect(article.title).toBe('Council backs bridge repairs');
		expect(article.titleSource).toBe('browser-title');
		expect(article.language).toBe('en-GB');
		// Without a name in the metadata, a last part is the headline's own: it might be ("Trade - the facts").
		const unnamed = page(html.replace('<meta name="application-name" content="Town News">', ''), 'https://news.example.org/council/bridge').article;
		expect(unnamed.title).toBe('Council backs bridge repairs - Town News');
	});

	it('lays list items one under another with bullets, and table rows as lines', async () => {
		const file = join(work, 'blocks.html');
		writeFileSync(file, html);
		const run = runCli(['show', file, '--width', '60']);
		expect(run.stdout).toContain('• The bridge, in March.\n• The school roof, in May.');
		expect(run.stdout).toContain('Item | Cost\nBridge | £2m');
	});
});

describe('related stories and links of HTML pages', () => {
	it('keeps the page’s links that lead into the dataset, by address or by headline, and no other', async () => {
		const folder = join(work, 'site');
		mkdirSync(folder);
		const related = `<aside><h3>More</h3><ul>
<li><a href="https://www.town.example/news/bridge-vote">Council votes again on the river bridge</a></li>
<li><a href="/elsewhere/123">School roof repairs to begin in May, says council</a></li>
<li><a href="https://other.example/story">A story on another site that is not in this dataset</a></li>
</ul></aside><nav><a href="/">Home</a> <a href="/news">News</a></nav>`;
		writeFileSync(join(folder, 'a.html'), articlePage('Budget debate runs late', '2019-11-18T10:00:00Z', 6, '<link rel="canonical" href="https://town.example/news/budget">').replace('<footer>', `${related}<footer>`));
		writeFileSync(join(folder, 'b.html'), articlePage('Bridge vote', '2019-11-19T10:00:00Z', 6, '<link rel="canonical" href="https://town.example/news/bridge-vote/">'));
		writeFileSync(join(folder, 'c.html'), articlePage('School roof repairs to begin in May, says council', '2019-11-20T10:00:00Z', 6, '<link rel="canonical" href="https://town.example/news/roof">'));
		const dataset = await loadDataset(folder);
		const article = openInDataset(dataset.entries.find((entry) => entry.id === 'a')!, dataset);
		expect(article.related.map((story) => [story.id, story.title])).toEqual([
			['b', 'Council votes again on the river bridge'],
			['c', 'School roof repairs to begin in May, says council'],
		]);
		// The same through the index.
		const indexed = JSON.parse(runCli(['show', 'a', '--data', folder, '--json']).stdout);
		expect(indexed.related.map((story: {id: string}) => story.id)).toEqual(['b', 'c']);
		// Without the dataset, a page has no related stories to offer: none of its links can be opened.
		const alone = await loadDataset(join(folder, 'a.html'));
		expect(openInDataset(alone.entries[0]!, alone).related).toEqual([]);
	});

	it('numbers a page’s links in plain text with --links, and lists their addresses under it', () => {
		const file = join(work, 'linked.html');
		writeFileSync(file, `<html><head><title>Linked</title><link rel="canonical" href="https://town.example/news/linked"></head><body><article><p>${'The council met again. '.repeat(12)}It voted to <a href="https://town.example/bridge">repair the bridge</a> and to <a href="/roof">fix the roof</a>.</p><p>${'More words of the story follow here. '.repeat(10)}</p></article></body></html>`);
		const run = runCli(['show', file, '--links', '--width', '200']);
		expect(run.stdout).toContain('It voted to repair the bridge [1] and to fix the roof [2].');
		expect(run.stdout).toMatch(/\nLinks\n\n\[1\] https:\/\/town\.example\/bridge\n\[2\] https:\/\/town\.example\/roof\n?$/);
		expect(runCli(['show', file, '--width', '200']).stdout).not.toContain('[1]');
	});
});

describe('links in the reader', () => {
	it('knows where each link’s words stand in the wrapped lines, across a line break too', async () => {
		const {bodyLines} = await import('../source/render/layout');
		const block = {kind: 'paragraph' as const, text: 'The council voted to repair the old river bridge first and to fix the school roof in May.', links: [{text: 'repair the old river bridge', url: 'https://town.example/bridge'}, {text: 'the school roof', url: 'https://town.example/roof'}]};
		for (const width of [80, 30, 24, 16]) {
			const lines = bodyLines([block], width);
			const linked = lines.flatMap((line) => (line.links ?? []).map((link) => [line.text.slice(link.start, link.end), link.url]));
			// Each link's words, whole or in two pieces, in order, and nothing else.
			const joined = new Map<string, string[]>();
			for (const [words, url] of linked) joined.set(url!, [...(joined.get(url!) ?? []), words!]);
			expect(joined.get('https://town.example/bridge')!.join(' '), `width ${width}`).toBe('repair the old river bridge');
			expect(joined.get('https://town.example/roof')!.join(' '), `width ${width}`).toBe('the school roof');
		}
	});
});

describe('the page’s own metadata', () => {
	it('reads JSON-LD in a @graph, wrapped in a comment, with the author’s names and both dates', () => {
		const ld = JSON.stringify({'@context': 'https://schema.org', '@graph': [{'@type': 'WebSite', name: 'Site'}, {'@type': ['NewsArticle'], headline: 'Flood crest nears river towns', datePublished: '2019-11-20T14:33:00-05:00', dateModified: '2019-11-21T09:00:00Z', author: [{'@type': 'Person', name: 'Ann Lee'}, {name: 'Bo Chan'}], inLanguage: 'en'}]});
		const html = `<html><head><title>Other title | Site</title><meta property="og:title" content="Not this one"><script type="application/ld+json"><!--${ld}--></script></head><body><p>${'Residents filled sandbags all weekend as the river rose. '.repeat(12)}</p></body></html>`;
		const {article, isArticle} = page(html);
		expect(article.title).toBe('Flood crest nears river towns');
		expect(article.published).toBe('2019-11-20T14:33:00-05:00');
		expect(article.modified).toBe('2019-11-21T09:00:00+00:00');
		expect(article.author).toBe('Ann Lee, Bo Chan');
		expect(article.language).toBe('en');
		expect(isArticle).toBe(true);
	});

	it('reads a date marked in the page as datePublished, in a meta tag, a time element or any element, and the canonical address among many links', () => {
		const body = `<article>${'<p>The council met on Tuesday to discuss the budget for the coming year and the bridge.</p>'.repeat(8)}</article>`;
		const links = '<link rel="stylesheet" href="/a.css"><link rel="icon" href="/i.png"><link rel="alternate" hreflang="vi" href="https://example.org/vi/story">';
		for (const mark of ['<meta itemprop="datePublished" datetime="2021-03-04T10:00:00Z">', '<meta itemprop="datePublished" content="2021-03-04T10:00:00Z">', '<time itemprop="datePublished" datetime="2021-03-04T10:00:00Z">4 March</time>', '<span itemprop="datePublished" content="2021-03-04T10:00:00Z">4 March</span>']) {
			const html = `<html><head><title>A story</title><meta charset="utf-8">${links}<link rel="canonical" href="https://example.org/story"></head><body>${mark}${body}</body></html>`;
			const {article} = page(html);
			expect([article.published, article.dateSource, article.url], mark).toEqual(['2021-03-04T10:00:00+00:00', 'metadata', 'https://example.org/story']);
			const facts = pageFacts(html, {});
			expect(facts.date?.published, mark).toBe('2021-03-04T10:00:00+00:00');
		}
	});

	it('normalises the date forms metadata uses, and refuses what is no date', () => {
		expect(metadataDate('2019-11-20T14:33:00.000+0000')).toBe('2019-11-20T14:33:00+00:00');
		expect(metadataDate('2019-11-20 14:33')).toBe('2019-11-20T14:33:00');
		expect(metadataDate('2019-11-20')).toBe('2019-11-20');
		expect(metadataDate('1574260380')).toBe('2019-11-20T14:33:00+00:00');
		expect(metadataDate('2019-13-45')).toBeUndefined();
		expect(metadataDate('yesterday')).toBeUndefined();
		// Placeholders and impossible days, times and offsets.
		for (const value of ['0001-01-01T00:00:00+00:00', '2019-02-30', '2019-02-31T99:99:99+99:99', '2019-11-20T10:00:00+25:00', '0000-01-01']) expect(metadataDate(value), value).toBeUndefined();
	});

	it('dates a page without metadata from its address, and then from its capture, saying so', () => {
		const text = `<html><head><title>A story</title></head><body><article>${'<p>The council met on Tuesday to discuss the budget for the coming year and the bridge.</p>'.repeat(8)}</article></body></html>`;
		const fromUrl = parseHtmlPage(text, {id: 'p', source: 'p', url: 'https://example.org/2019/11/20/a-story'}).article;
		expect([fromUrl.published, fromUrl.dateSource]).toEqual(['2019-11-20', 'url']);
		const captured = parseHtmlPage(text, {id: 'p', source: 'p', url: 'https://example.org/a-story', crawled: '2019-11-21T03:12:07Z'}).article;
		expect([captured.published, captured.dateSource]).toEqual(['2019-11-21T03:12:07+00:00', 'crawl']);
	});
});

describe('hostile pages', () => {
	it('never lets a title’s or a link’s control characters reach the terminal, and escapes them in JSON', () => {
		const file = join(work, 'hostile.html');
		writeFileSync(file, articlePage('Bad \u001b]0;pwned\u0007 title \u001b[2J', '2019-11-20T10:00:00Z', 6, '<link rel="canonical" href="https://x.example/\u001b[31mred">'));
		const plain = runCli(['show', file]);
		expect(plain.status).toBe(0);
		expect(plain.stdout).not.toMatch(/\u001b|\u0007/);
		const json = runCli(['show', file, '--json']);
		expect(json.stdout).not.toMatch(/\u001b|\u0007/);
		expect(JSON.parse(json.stdout).title).toContain('\u001b]0;pwned');
		const list = runCli(['list', work, '--no-index']);
		expect(list.stdout).not.toMatch(/\u001b|\u0007/);
	});
});

describe('faults', () => {
	it('reads a page with an unclosed <script> as far as a browser would, without a hang', () => {
		const file = join(work, 'unclosed.html');
		writeFileSync(file, `<html><head><title>Unclosed</title></head><body><p>${'Some words of a story. '.repeat(30)}</p><script>var x = "<p>not text</p>`);
		const run = runCli(['show', file, '--json']);
		expect(run.status).toBe(0);
		const article = JSON.parse(run.stdout);
		expect(article.title).toBe('Unclosed');
		expect(JSON.stringify(article.blocks)).not.toContain('not text');
	});

	it('lists a 50 MB page from its markup, and opens it in bounded time with a warning that only its beginning was read', () => {
		const folder = join(work, 'huge');
		mkdirSync(folder);
		const paragraph = `<p>${'The council met on Tuesday to discuss the budget for the coming year. '.repeat(6)}</p>\n`;
		writeFileSync(join(folder, 'huge.html'), `<html><head><title>Huge</title></head><body><article>${paragraph.repeat(Math.ceil((50 << 20) / paragraph.length))}</article></body></html>`);
		writeFileSync(join(folder, 'small.html'), articlePage('A small page', '2019-11-20T10:00:00Z'));
		const started = Date.now();
		const run = runCli(['list', folder, '--no-index']);
		expect(Date.now() - started).toBeLessThan(60_000);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/\tHuge\n/);
		expect(run.stdout).toMatch(/\tA small page\n/);
		const shown = runCli(['show', join(folder, 'huge.html'), '--json'], {maxBuffer: 1 << 28});
		expect(Date.now() - started).toBeLessThan(90_000);
		expect(shown.status).toBe(0);
		expect(JSON.parse(shown.stdout).blocks.length).toBeGreaterThan(1000);
		expect(shown.stderr).toMatch(/huge\.html: a page of too much HTML; only its beginning is read/);
	}, 120_000);

	it('reads an oversized page whole when its scripts are what make it so, in its own encoding', () => {
		// Over the parser's bound of 8 MB only by a script; the scripts are taken out of the bytes
		// before they are decoded, which must not cut a character in two.
		const script = `<script>var feed = "${'<p>not text</p> é '.repeat(9 * 60_000)}";</script>`;
		const story = 'Le café de la place rouvre après trois ans de travaux, et le maire salue un lieu aimé. ';
		const html = (charset: string) => `<html><head><meta charset="${charset}"><title>Café rouvert</title>${script}</head><body><article><p>${story.repeat(8)}</p></article><!-- ${'é'.repeat(100)} --></body></html>`;
		const pages = {
			'windows-1252': Buffer.from(html('windows-1252'), 'latin1'),
			'utf-16le': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html('utf-16'), 'utf16le')]),
			'utf-8': Buffer.from(html('utf-8'), 'utf8'),
		};
		for (const [encoding, bytes] of Object.entries(pages)) {
			expect(bytes.length, encoding).toBeGreaterThan(8 * 1024 * 1024);
			const {article, cut} = parseHtmlPage(bytes, {id: 'cafe', source: 'cafe.html'});
			expect(cut, encoding).toBe(false);
			expect(article.title, encoding).toBe('Café rouvert');
			const text = article.blocks.map((block) => block.text).join('\n');
			expect(text, encoding).toContain(story.trim());
			expect(text, encoding).not.toContain('not text');
		}
	});

	it('parses an oversized page whole while its text fits the bound, as its parser reads it', () => {
		// Over 8 MB of bytes but not of characters (a script of Chinese text in UTF-8): the page is
		// parsed whole, and markup a pattern would read otherwise (an odd comment, a '<script>' in
		// an attribute) is read as the parser reads it.
		const story = '<p>The council met on Tuesday to debate the new budget, which would raise spending on transport and parks.</p>';
		const page = `<html><head><title>Budget debate</title><script>var feed = "${'中'.repeat(3_000_000)}";</script></head><body><div>intro<!--></div><p title="<script>">x</p><article>${story.repeat(12)}</article></body></html>`;
		const bytes = Buffer.from(page, 'utf8');
		expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
		const {article, cut} = parseHtmlPage(bytes, {id: 'budget', source: 'budget.html'});
		expect(cut).toBe(false);
		expect(article.blocks.filter((block) => block.text.startsWith('The council met')).length).toBe(12);
	});

	it('reads a page in ISO-2022-JP, whose Japanese text is written in ASCII bytes, by its characters', () => {
		// 次 is written `<!` in ISO-2022-JP, and ⑬ `--`: read as bytes, they would open a comment.
		const jis = (text: string) => `\x1b$B${text}\x1b(B`;
		const paragraph = `<p>${jis('<!--')} The council met on Tuesday to debate the new budget proposal, which would raise spending on public transport and parks while trimming administrative costs across several departments, officials said.</p>`;
		const html = `<html><head><meta charset="iso-2022-jp"><title>Council debates budget</title></head><body><article>${paragraph.repeat(6)}</article><!-- end --></body></html>`;
		const bytes = Buffer.from(html, 'latin1');
		const facts = pageFacts(bytes, {});
		expect(facts.isArticle).toBe(true);
		expect(facts.title?.title).toBe('Council debates budget');
		const {article} = parseHtmlPage(bytes, {id: 'jis', source: 'jis.html'});
		expect(article.blocks.map((block) => block.text).join('\n')).toContain('次⑬ The council met');
	});

	it('reads a page thick with character references as the same page written in characters', () => {
		const sentence = (quote: string, dash: string) => `<p>The mayor${quote}s plan ${dash} repairs first ${dash} passed${'&nbsp;'.repeat(3)}after a long night${quote}s debate over the river bridge and its cost.</p>`;
		const entities = `<html><head><title>References</title></head><body><article>${sentence('&rsquo;', '&mdash;').repeat(400)}</article></body></html>`;
		const characters = entities.replaceAll('&rsquo;', '’').replaceAll('&mdash;', '—').replaceAll('&nbsp;', '\u00a0');
		expect(page(entities).article.blocks).toEqual(page(characters).article.blocks);
		expect(page(entities).article.blocks[0]!.text).toContain('The mayor’s plan — repairs first — passed');
	});

	it('reads a page of nothing but nested <div>s as plain text, with a warning, not a stack overflow', () => {
		const file = join(work, 'divs.html');
		writeFileSync(file, `<html><head><title>Divs</title></head><body>${'<div>'.repeat(30_000)}deep text${'</div>'.repeat(30_000)}</body></html>`);
		const run = runCli(['show', file, '--json']);
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout).blocks[0].text).toBe('deep text');
		expect(run.stderr).toMatch(/divs\.html: a page nested too deep or of too many elements/);
	});

	const records = () => [
		warcRecord({type: 'warcinfo', block: 'software: test\r\n'}),
		warcRecord({type: 'request', uri: 'https://news.example.org/one', http: {head: ['GET /one HTTP/1.1', 'Host: news.example.org'], body: ''}}),
		warcRecord(htmlResponse('https://news.example.org/one', articlePage('First story', '2019-11-18T10:00:00Z'))),
		warcRecord(htmlResponse('https://news.example.org/two', articlePage('Second story', '2019-11-19T10:00:00Z'))),
		warcRecord(htmlResponse('https://news.example.org/three', articlePage('Third story', '2019-11-20T10:00:00Z'))),
	];
	const titles = async (path: string, warnings: string[]) => (await loadDataset(path, {warn: (message) => warnings.push(message)})).entries.map((entry) => entry.title).sort();

	it('keeps every record before the cut of a WARC cut short in mid-record', async () => {
		const whole = gzipMembers(records());
		const file = join(work, 'cut.warc.gz');
		writeFileSync(file, whole.subarray(0, whole.length - 200));
		const warnings: string[] = [];
		expect(await titles(file, warnings)).toEqual(['First story', 'Second story']);
		expect(warnings.join('\n')).toMatch(/cut\.warc\.gz: the archive is cut short at offset \d+/);
		const plain = join(work, 'cut.warc');
		writeFileSync(plain, Buffer.concat(records()).subarray(0, Buffer.concat(records()).length - 300));
		const plainWarnings: string[] = [];
		expect(await titles(plain, plainWarnings)).toEqual(['First story', 'Second story']);
		expect(plainWarnings.join('\n')).toMatch(/cut\.warc: the archive ends inside the record at offset \d+/);
	});

	it('skips a corrupt gzip member and reads the records after it', async () => {
		const members = records().map((record) => gzipSync(record));
		const damaged = Buffer.from(members[3]!);
		damaged.fill(0x55, 20, damaged.length - 20);
		const file = join(work, 'corrupt.warc.gz');
		writeFileSync(file, Buffer.concat([...members.slice(0, 3), damaged, members[4]!]));
		const warnings: string[] = [];
		expect(await titles(file, warnings)).toEqual(['First story', 'Third story']);
		expect(warnings.join('\n')).toMatch(/corrupt\.warc\.gz: a damaged gzip member at offset \d+/);
	});

	it('looks for the member after a corrupt one however far it lies, and drops bytes before a member that starts a record', async () => {
		const members = records().map((record) => gzipSync(record));
		const damaged = Buffer.from(members[3]!);
		damaged.fill(0x55, 20, damaged.length - 20);
		// Past the damage, more than a read's worth of bytes that start no member.
		const far = join(work, 'far.warc.gz');
		writeFileSync(far, Buffer.concat([...members.slice(0, 3), damaged, Buffer.alloc(6 * 1024 * 1024, 0x20), members[4]!]));
		const warnings: string[] = [];
		expect(await titles(far, warnings)).toEqual(['First story', 'Third story']);
		expect(warnings).toHaveLength(1);
		// A record's member that ends in junk, without a line end before the next member's `WARC/`.
		const all = records();
		const junk = gzipSync(Buffer.concat([all[2]!.subarray(0, all[2]!.length - 4), Buffer.from('abcd')]));
		const before = Buffer.concat([...members.slice(0, 2)]);
		const file = join(work, 'junk.warc.gz');
		writeFileSync(file, Buffer.concat([before, junk, ...members.slice(3)]));
		const junkWarnings: string[] = [];
		expect(await titles(file, junkWarnings)).toEqual(['First story', 'Second story', 'Third story']);
		// A fault is placed at the start of the gzip member that holds it: a place in the file.
		expect(junkWarnings.join('\n')).toContain(`junk.warc.gz: unexpected bytes at offset ${before.length} (a wrong Content-Length?)`);
	});

	it('resynchronises after a record whose Content-Length is wrong, too short or too long', async () => {
		const all = records();
		const short = warcRecord({...htmlResponse('https://news.example.org/two', articlePage('Second story', '2019-11-19T10:00:00Z')), contentLength: 400});
		const file = join(work, 'length.warc');
		writeFileSync(file, Buffer.concat([all[0]!, all[1]!, all[2]!, short, all[4]!]));
		const warnings: string[] = [];
		expect(await titles(file, warnings)).toEqual(['First story', 'Third story']);
		expect(warnings.join('\n')).toMatch(/length\.warc: unexpected bytes at offset \d+ \(a wrong Content-Length\?\)/);
		const long = warcRecord({...htmlResponse('https://news.example.org/two', articlePage('Second story', '2019-11-19T10:00:00Z')), contentLength: 10_000_000});
		const longFile = join(work, 'long.warc');
		writeFileSync(longFile, Buffer.concat([all[0]!, all[2]!, long]));
		const longWarnings: string[] = [];
		expect(await titles(longFile, longWarnings)).toEqual(['First story']);
		expect(longWarnings.join('\n')).toMatch(/long\.warc: the archive ends inside the record/);
		// Records after one too long by its header are read again from the next `WARC/` line, in a
		// plain archive, and from the next gzip member in a compressed one.
		for (const [name, bytes] of [['swallow.warc', Buffer.concat([all[0]!, all[2]!, long, all[4]!])], ['swallow.warc.gz', gzipMembers([all[0]!, all[2]!, long, all[4]!])]] as const) {
			const path = join(work, name);
			writeFileSync(path, bytes);
			const swallowWarnings: string[] = [];
			expect(await titles(path, swallowWarnings), name).toEqual(['First story', 'Third story']);
			expect(swallowWarnings.join('\n')).toMatch(/the record at offset \d+ is shorter than its Content-Length/);
		}
	});

	it('reads members whose compressed bytes hold a gzip magic with a false output size before it', async () => {
		// A member's output size is read ahead from the four bytes before the next member's magic;
		// stored (uncompressed) deflate data can hold the magic anywhere, after any four bytes.
		const uint = (n: number) => Buffer.from(Uint32Array.of(n).buffer);
		const magic = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);
		const block = Buffer.concat([Buffer.from('binary '), uint(12), magic, Buffer.alloc(3000, 0x61), uint(900), magic, Buffer.alloc(70_000, 0x62), uint(60_000), magic, Buffer.from(' end')]);
		const records = [
			warcRecord({type: 'resource', uri: 'https://a.example/blob', block}),
			warcRecord(htmlResponse('https://a.example/story', articlePage('After the blob', '2019-11-20T10:00:00Z'))),
		];
		const file = join(work, 'magic.warc.gz');
		writeFileSync(file, Buffer.concat([gzipSync(records[0]!, {level: 0}), gzipSync(records[1]!), gzipSync(records[0]!, {level: 0})]));
		const {readWarc} = await import('../source/dataset/warc');
		const blocks: Buffer[] = [];
		for await (const record of readWarc(file, file, (message) => expect.fail(message))) blocks.push(record.block);
		expect(blocks.length).toBe(3);
		expect(blocks[0]!.equals(block)).toBe(true);
		expect(blocks[2]!.equals(block)).toBe(true);
		expect(blocks[1]!.toString()).toContain('After the blob');
		expect((await loadDataset(file)).entries.map((entry) => entry.title)).toEqual(['After the blob']);
	});

	it('sizes a member\'s output from the size before the next member, within bounds whatever the bytes say', async () => {
		const {memberChunkSize} = await import('../source/dataset/warc');
		const uint = (n: number) => Buffer.from(Uint32Array.of(n).buffer);
		const magic = Buffer.from([0x1f, 0x8b, 0x08]);
		// `compressed` bytes of a member, its trailer's size, and the next member's magic.
		const window = (compressed: number, size: number) => Buffer.concat([Buffer.alloc(compressed, 0x41), uint(0), uint(size), magic]);
		expect(memberChunkSize(window(40_000, 150_000), 0)).toBe(150_001);
		// zlib's own pieces are the least: a false small size must not make a large output in thousands of pieces.
		expect(memberChunkSize(window(40_000, 1), 0)).toBe(16_384);
		// A false large size, or one past what deflate makes of so few bytes, is not taken.
		expect(memberChunkSize(window(400_000, 0x7fffffff), 0)).toBeUndefined();
		expect(memberChunkSize(window(1000, 200_000), 0)).toBeUndefined();
		expect(memberChunkSize(window(1_000_000, 9 * 1024 * 1024), 0)).toBeUndefined();
		expect(memberChunkSize(window(40_000, 0), 0)).toBeUndefined();
		expect(memberChunkSize(Buffer.alloc(50_000, 0x41), 0)).toBeUndefined();
	});

	it('decodes chunked transfer and gzip, deflate and Brotli content, and lists the newest capture of an address once', async () => {
		const {brotliCompressSync, deflateSync} = await import('node:zlib');
		const html = articlePage('Encoded story', '2019-11-20T10:00:00Z');
		const gz = gzipSync(html);
		const chunked = Buffer.concat([Buffer.from('a\r\n'), gz.subarray(0, 10), Buffer.from(`\r\n${(gz.length - 10).toString(16)}\r\n`), gz.subarray(10), Buffer.from('\r\n0\r\n\r\n')]);
		expect(dechunk(chunked).equals(gz)).toBe(true);
		const response = (uri: string, encoding: string, body: Buffer, date?: string) => warcRecord({type: 'response', uri, date, http: {head: ['HTTP/1.1 200 OK', 'Content-Type: text/html', `Content-Encoding: ${encoding}`, ...(encoding === 'gzip' ? ['Transfer-Encoding: chunked'] : [])], body}});
		const file = join(work, 'encoded.warc.gz');
		writeFileSync(file, gzipMembers([
			response('https://a.example/gz', 'gzip', chunked),
			response('https://a.example/br', 'br', brotliCompressSync(html.replace('Encoded story', 'Brotli story'))),
			response('https://a.example/deflate', 'deflate', deflateSync(html.replace('Encoded story', 'Deflated story'))),
			warcRecord({...htmlResponse('https://a.example/again', articlePage('Old capture', '2019-11-20T10:00:00Z')), date: '2019-11-21T01:00:00Z', id: 'aaaaaaaa-0000-4000-8000-000000000001'}),
			warcRecord({...htmlResponse('https://a.example/again', articlePage('New capture', '2019-11-20T10:00:00Z')), date: '2019-11-21T05:00:00Z'}),
		]));
		const dataset = await loadDataset(file);
		expect(dataset.entries.map((entry) => entry.title).sort()).toEqual(['Brotli story', 'Deflated story', 'Encoded story', 'New capture']);
		expect(dataset.entries.find((entry) => entry.title === 'New capture')!.id).toBe('a.example/again');
		// The older capture answers to its record id.
		const older = runCli(['show', 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', '--data', file, '--no-index']);
		expect(older.stdout.split('\n')[0]).toBe('Old capture');
		// The same through the index.
		const listed = runCli(['list', file]).stdout.trim().split('\n').map((line) => line.split('\t'));
		expect(listed.map((fields) => fields[2]).sort()).toEqual(['Brotli story', 'Deflated story', 'Encoded story', 'New capture']);
		expect(listed.find((fields) => fields[2] === 'New capture')![0]).toBe('a.example/again');
		expect(runCli(['show', 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', '--data', file]).stdout.split('\n')[0]).toBe('Old capture');
		expect(runCli(['show', 'a.example/again', '--data', file]).stdout.split('\n')[0]).toBe('New capture');
	});

	it('reads WARC headers with bare LF line ends, UTF-8 addresses, and bodies mislabelled as chunked or gzipped', async () => {
		const lf = (record: Buffer) => {
			// The WARC header block with LF line ends; the HTTP message keeps its CRLFs.
			const text = record.toString('latin1');
			const end = text.indexOf('\r\n\r\n');
			return Buffer.concat([Buffer.from(text.slice(0, end).replaceAll('\r\n', '\n') + '\n\n', 'latin1'), record.subarray(end + 4)]);
		};
		const page = (title: string) => articlePage(title, '2019-11-20T10:00:00Z');
		const file = join(work, 'odd.warc');
		writeFileSync(file, Buffer.concat([
			lf(warcRecord(htmlResponse('https://a.example/lf-one', page('First with LF')))),
			lf(warcRecord(htmlResponse('https://a.example/lf-two', page('Second with LF')))),
			warcRecord(htmlResponse('https://a.example/crlf', page('Then CRLF'))),
			warcRecord(htmlResponse('https://a.example/tin/ñ/日本', page('An address in UTF-8'))),
			warcRecord(htmlResponse('https://a.example/chunked', page('Not in chunks after all'), ['Transfer-Encoding: chunked'])),
			warcRecord(htmlResponse('https://a.example/gzip', page('Not gzipped after all'), ['Content-Encoding: gzip'])),
		]));
		const dataset = await loadDataset(file);
		expect(dataset.entries.map((entry) => entry.title).sort()).toEqual(['An address in UTF-8', 'First with LF', 'Not gzipped after all', 'Not in chunks after all', 'Second with LF', 'Then CRLF']);
		expect(dataset.entries.map((entry) => entry.id)).toContain('a.example/tin/ñ/日本');
	});

	it('lists the capture with the latest WARC-Date, wherever it stands in the archive, with the index and without', async () => {
		const file = join(work, 'dates.warc.gz');
		writeFileSync(file, gzipMembers([
			warcRecord({...htmlResponse('https://b.example/story', articlePage('Capture of 2021', '2019-11-20T10:00:00Z')), date: '2021-01-01T00:00:00Z'}),
			warcRecord({...htmlResponse('https://b.example/story', articlePage('Capture of 2019', '2019-11-20T10:00:00Z')), date: '2019-01-01T00:00:00Z', id: 'bbbbbbbb-0000-4000-8000-000000000001'}),
		]));
		expect((await loadDataset(file)).entries.map((entry) => [entry.id, entry.title])).toEqual([['b.example/story', 'Capture of 2021']]);
		expect(runCli(['list', file]).stdout.trim().split('\t').slice(-1)).toEqual(['Capture of 2021']);
		expect(runCli(['show', 'urn:uuid:bbbbbbbb-0000-4000-8000-000000000001', '--data', file]).stdout.split('\n')[0]).toBe('Capture of 2019');
	});

	it('passes over a file named .html that holds binary bytes, with a warning', () => {
		const folder = join(work, 'binary');
		mkdirSync(folder);
		writeFileSync(join(folder, 'photo.html'), Buffer.from(Array.from({length: 5000}, (_, i) => (i * 7919) % 256)));
		writeFileSync(join(folder, 'story.html'), articlePage('A real story', '2019-11-20T10:00:00Z'));
		const run = runCli(['list', folder, '--no-index']);
		expect(run.stdout).toMatch(/^story\t[^\n]*\tA real story\n$/);
		expect(run.stderr).toMatch(/photo\.html: a binary file, not a page/);
	});

	it('opens an article by reading its own record again, in an archive compressed as one stream too', async () => {
		const file = join(work, 'one-stream.warc.gz');
		writeFileSync(file, gzipSync(Buffer.concat(records())));
		const dataset = await loadDataset(file);
		expect(dataset.entries.map((entry) => entry.title).sort()).toEqual(['First story', 'Second story', 'Third story']);
		for (const entry of dataset.entries) expect(openInDataset(entry, dataset).title).toBe(entry.title);
	});

	it('says which Parquet file has no footer, or a damaged one, and goes on with the rest of a folder', () => {
		const folder = join(work, 'parquets');
		mkdirSync(folder);
		writeFileSync(join(folder, 'notes.parquet'), 'PAR1 this is not a parquet file at all');
		writeFileSync(join(folder, 'story.html'), articlePage('A story beside them', '2019-11-20T10:00:00Z'));
		const run = runCli(['list', folder, '--no-index']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/\tA story beside them\n$/);
		expect(run.stderr).toMatch(/notes\.parquet: no Parquet footer \(a damaged or cut file\?\)/);
	});
});

describe('listing without the HTML parser', () => {
	it('parses a page whose markup gives no title, in a listing that loaded only the markup scan', () => {
		const untitled = articlePage('Bridge repairs approved', '2019-11-20T10:00:00Z').replace(/<title>.*?<\/title>/, '');
		const file = join(work, 'untitled.warc.gz');
		writeFileSync(file, gzipMembers([warcRecord(htmlResponse('https://a.example/untitled', untitled)), warcRecord(htmlResponse('https://a.example/titled', articlePage('Library opens', '2019-11-21T10:00:00Z')))]));
		const run = runCli(['list', file, '--no-index']);
		expect(run.stderr).toBe('');
		const titles = run.stdout.trim().split('\n').map((line) => line.split('\t')[2]);
		// The untitled page's title is its article's: its first heading's text, as `show` gives it.
		expect(titles).toEqual(['Library opens', runCli(['show', 'a.example/untitled', '--data', file, '--no-index']).stdout.split('\n')[0]]);
		expect(titles[1]).toMatch(/Bridge repairs approved|Paragraph 1/);
	});
});

describe('fields inside a record’s structs and objects', () => {
	const rows = [
		{text: 'Mưa lớn kéo dài ở miền Trung. '.repeat(20), meta: {title: 'Mưa lớn ở miền Trung', url: 'https://a.example/mua', published: '2020-10-08'}, source: {id: 'same-for-all', url: 'https://a.example/'}},
		{text: 'Giá lúa tăng mạnh trong tuần. '.repeat(20), meta: {title: 'Giá lúa tăng', url: 'https://a.example/lua', published: '2020-10-09'}, source: {id: 'same-for-all', url: 'https://a.example/'}},
		{text: 'Một bản tin không có phần meta. '.repeat(20), meta: null, source: {id: 'same-for-all', url: 'https://a.example/'}},
	];
	const fields = ['--field', 'title=meta.title', '--field', 'url=meta.url', '--field', 'date=meta.published'];
	const listed = (args: string[]) => runCli(['list', ...args, '--no-index', '--json']).stdout.trim().split('\n').map((line) => JSON.parse(line) as {id: string; title: string; published: string | null; url: string | null});
	const expectNestedFieldsRead = (file: string) => {
		// Newest first; the row without a struct is undated, its title taken from its text.
		expect(listed([file, ...fields]).map((entry) => [entry.title, entry.published, entry.url])).toEqual([
			['Giá lúa tăng', '2020-10-09', 'https://a.example/lua'],
			['Mưa lớn ở miền Trung', '2020-10-08', 'https://a.example/mua'],
			[expect.stringMatching(/^Một bản tin/), null, null],
		]);
		// A nested field is not taken for the record's own by its name alone: each row keeps its own id.
		expect(new Set(listed([file]).map((entry) => entry.id)).size).toBe(3);
	};

	it('reads a Parquet struct’s fields by their paths, and names them when a field is missing', async () => {
		const {parquetWriteBuffer} = await import('hyparquet-writer');
		const text = {type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL'} as const;
		const schema = [
			{name: 'root', num_children: 3},
			{name: 'text', ...text},
			{name: 'meta', repetition_type: 'OPTIONAL', num_children: 3},
			{name: 'title', ...text},
			{name: 'url', ...text},
			{name: 'published', ...text},
			{name: 'source', repetition_type: 'OPTIONAL', num_children: 2},
			{name: 'id', ...text},
			{name: 'url', ...text},
		] as never;
		const buffer = parquetWriteBuffer({schema, columnData: ['text', 'meta', 'source'].map((name) => ({name, data: rows.map((row) => row[name as keyof typeof row])}))});
		const file = join(work, 'nested.parquet');
		writeFileSync(file, new Uint8Array(buffer));
		expectNestedFieldsRead(file);
		const missing = runCli(['list', file, '--no-index', '--field', 'title=meta.headline']);
		expect(missing.stderr).toContain('no column meta.headline (it has text, meta.title, meta.url, meta.published, source.id, source.url)');
	});

	it('reads a JSON Lines object’s fields by their paths', () => {
		const file = join(work, 'nested.jsonl');
		writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
		expectNestedFieldsRead(file);
	});
});

const sharedParquet = join(projectRoot, '..', 'shared', 'crawls', 'vn-dantri.parquet');

describe.skipIf(!existsSync(sharedParquet))('a Parquet file cut short', () => {
	it('is a clear error naming the file', () => {
		const file = join(work, 'cut.parquet');
		writeFileSync(file, readFileSync(sharedParquet));
		truncateSync(file, 100_000);
		const run = runCli(['list', file, '--no-index']);
		expect(run.stderr).toMatch(/cut\.parquet: no Parquet footer/);
		expect(run.stdout).toBe('');
	});
});

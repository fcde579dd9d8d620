// The scan of a page's markup that listing relies on (html/find-tag.ts, html/dom.ts, html/head.ts),
// checked on generated markup against plain formulations of the same rules: global patterns,
// cut-out runs cleaned with replacements. The scan is written for speed; these say what it means.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {markupOf, nextTag, tagStarts} from '../source/html/find-tag';
import {withoutScripts} from '../source/html/without-scripts';
import {headTags, proseOf} from '../source/html/head';
import {parseTag} from '../source/html/tags';
import {META_NAMES} from '../source/html/facts';
import {META_NAMES_READ, readMetadata} from '../source/html/metadata';

// Markup made of pieces that meet the scan's cases: tags of every kind in either case, closings
// with and without space, unclosed tags and a stray '<', comments, JSON-LD, character references
// (whole: a reference cut by a tag is not a case the scan agrees on) and runs of text.
const piece = fc.oneof(
	{arbitrary: fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', ' \u00a0', '&amp;', '&nbsp; '), weight: 2},
	fc.constantFrom(
		'<p>', '</p>', '<P class="x">', '<div>', '</DIV >', '<br/>', '<li>', '<h2>', '</h2>', '<article>', '<section id=a>', '<span>', '</span>', '<a href="/x">', '</a>', '<b>', '<img src=x>',
		'<meta content="x">', '<META name=a content=b>', '<link rel=canonical href=/c>', '<time datetime="2020-01-02">', '<meta charset=utf-8>', '<meter>', '<timeline>', '<linker>',
		'<script>', '<script src=x>', '</script>', '</SCRIPT >', '<script type="application/ld+json">', '<style>', '</style>', '<noscript>', '</noscript>', '<template>', '</template>', '<svg>', '</svg>', '<Svg x=1>',
		'<scripts>', '<script\n>', '</script\t\n>', '</scriptx>', '</ script>', '</sCrIpT>', '</style\u00a0>', '<svg/>', '<style_x>', '<!-', '<!-->', '<!--->', '-- >',
		'<span itemprop="datePublished">', '<div ITEMPROP = \'datePublished\' class=d>', '<b itemprop=datepublished>', '<i itemprop="datePublishedX">', 'datePublished', '<meta itemprop="datePublished" content="2020">',
		'<!--', '-->', '<!DOCTYPE html>', '<', '>', '</', '<body>', '<BODY class=b>',
		'&amp;', '&#39;', '&#x27;', '&nbsp;', '&Eacute;', ' ', '  ', '\n', '\t', '\u00a0',
	),
	{arbitrary: fc.string({unit: fc.constantFrom('a', 'b', ' ', 'é', '.', ',', '"', '='), minLength: 1, maxLength: 120}), weight: 3},
);
const markup = fc.array(piece, {minLength: 10, maxLength: 80, size: 'max'}).map((pieces) => pieces.join(''));

// The plain formulations.
const SCRIPTS = /<(script|style|noscript|template|svg)\b[^>]*>|<!--/gi;
const CLOSINGS: Record<string, RegExp> = {script: /<\/script\s*>/gi, style: /<\/style\s*>/gi, noscript: /<\/noscript\s*>/gi, template: /<\/template\s*>/gi, svg: /<\/svg\s*>/gi, comment: /-->/g};

function plainWithoutScripts(html: string, jsonLd: string[]): string {
	let kept = '';
	let from = 0;
	SCRIPTS.lastIndex = 0;
	for (let open = SCRIPTS.exec(html); open; open = SCRIPTS.exec(html)) {
		const tag = open[1]?.toLowerCase() ?? 'comment';
		const closing = CLOSINGS[tag]!;
		closing.lastIndex = SCRIPTS.lastIndex;
		const closed = closing.exec(html);
		const end = closed ? closing.lastIndex : html.length;
		const keep = tag === 'script' && /application\/ld\+json/i.test(open[0]);
		if (keep && closed) jsonLd.push(html.slice(SCRIPTS.lastIndex, closed.index));
		kept += html.slice(from, keep ? end : open.index);
		from = end;
		SCRIPTS.lastIndex = end;
	}
	return kept + html.slice(from);
}

const BLOCKS = /<\/?(?:p|div|br|li|dt|dd|td|th|tr|article|section|main|h[1-6]|blockquote|pre|ul|ol|dl|table|header|footer|nav|aside|figure|figcaption|form|hr)\b[^>]*>/gi;

function plainProse(page: string): {size: number; readerable: boolean} {
	const body = Math.max(0, page.search(/<body\b/i));
	let size = 0;
	let score = 0;
	for (const run of page.slice(body).split(BLOCKS)) {
		const length = run.replace(/<[^>]*>/g, '').replace(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi, ' ').replace(/\s+/g, ' ').trim().length;
		if (length < 80) continue;
		size += length;
		if (length >= 140) score += Math.sqrt(length - 140);
	}
	return {size, readerable: score > 20};
}

// The tags headTags reads, found plainly: meta tags with a value, canonical links, time elements,
// and other elements marked itemprop=datePublished (a value read case-sensitively, as microdata's are).
function plainTags(page: string): string[] {
	const found: Array<{at: number; text: string}> = [];
	for (const tag of page.matchAll(/<(meta|link|time)\b[^>]*>/gi)) {
		const name = tag[1]!.toLowerCase();
		if (name === 'time' || (name === 'meta' ? /\b(?:content|datetime)\s*=/i : /\brel\s*=\s*["']?\s*canonical\b/i).test(tag[0])) found.push({at: tag.index, text: tag[0]});
	}
	for (const mark of page.matchAll(/\b[Ii][Tt][Ee][Mm][Pp][Rr][Oo][Pp]\s*=\s*["']?datePublished\b/g)) {
		const start = page.lastIndexOf('<', mark.index);
		const end = page.indexOf('>', mark.index);
		const text = start === -1 || end === -1 ? '' : page.slice(start, end + 1);
		if (/^<[a-z][a-z0-9]*\b[^<>]*>$/i.test(text) && !/^<(?:meta|link|time)\b/i.test(text)) found.push({at: start, text});
	}
	return found.sort((a, b) => a.at - b.at).map(({text}) => text);
}

describe('the markup scan', () => {
	it('reads the metadata tags a plain search finds', () => {
		fc.assert(
			fc.property(markup, (html) => {
				expect(headTags({page: html, jsonLd: []}, 'utf-8').tags).toEqual(plainTags(html).map(parseTag));
			}),
			{numRuns: 400},
		);
	});

	it('finds a tag pattern where a global search finds it', () => {
		const sticky = /<(meta|link|time)\b[^>]*>/iy;
		const starts = tagStarts('mlt');
		fc.assert(
			fc.property(markup, (html) => {
				const found: number[] = [];
				const markup = markupOf(html);
				for (let tag = nextTag(markup, 0, starts, sticky); tag; tag = nextTag(markup, sticky.lastIndex, starts, sticky)) found.push(tag.index);
				expect(found).toEqual([...html.matchAll(/<(meta|link|time)\b[^>]*>/gi)].map((match) => match.index));
			}),
			{numRuns: 400},
		);
	});

	it('drops scripts, styles and comments and keeps JSON-LD as the plain reading does', () => {
		fc.assert(
			fc.property(markup, (html) => {
				const jsonLd: string[] = [];
				const plainJsonLd: string[] = [];
				// The page's bytes, read as Latin-1 as the plain reading reads its string.
				expect(withoutScripts(Buffer.from(html, 'latin1'), jsonLd)).toBe(plainWithoutScripts(html, plainJsonLd));
				expect(jsonLd).toEqual(plainJsonLd);
			}),
			{numRuns: 400},
		);
	});

	it('measures prose as runs cut out and cleaned would', () => {
		fc.assert(
			fc.property(markup, (html) => {
				expect(proseOf(html)).toEqual(plainProse(html));
			}),
			{numRuns: 400},
		);
	});

	it('stops counting prose only where the judgement of an article is already made', () => {
		// A page is an article with `least` of prose and the reader-view signal, or with `most`.
		const judged = ({size, readerable}: {size: number; readerable: boolean}, least: number, most: number) => size >= least && (readerable || size >= most);
		const pages = fc.array(fc.oneof(markup, fc.constantFrom(`<p>${'A long sentence of prose for the count. '.repeat(6)}</p>`, `<p>${'Short. '.repeat(15)}</p>`)), {maxLength: 12}).map((parts) => parts.join(''));
		fc.assert(
			fc.property(pages, fc.integer({min: 0, max: 600}), fc.integer({min: 0, max: 1500}), (html, least, most) => {
				const whole = proseOf(html);
				expect(proseOf(html, least).size >= least).toBe(whole.size >= least);
				expect(judged(proseOf(html, Math.max(least, most), least), least, most)).toBe(judged(whole, least, most));
			}),
			{numRuns: 300},
		);
	});

	it('leaves unparsed only meta tags whose names nothing reads', () => {
		// The names facts.ts reads itself (the section, the site's names), beside readMetadata's.
		const read = new Set([...META_NAMES_READ, 'article:section', 'application-name', 'apple-mobile-web-app-title', 'twitter:site', 'publisher', 'copyright']);
		const others = ['fb:app_id', 'twitter:card', 'viewport', 'og:image', 'robots', 'theme-color', 'al:ios:url', 'og:titles', 'keywords', 'news_keywords'];
		const meta = fc.record({
			attribute: fc.constantFrom('property', 'name', 'itemprop', 'PROPERTY', 'Name'),
			name: fc.constantFrom(...read, ...others),
			shape: fc.constantFrom('plain', 'upper', 'spaced', 'entity'),
			content: fc.constantFrom('2019-11-20T10:00:00Z', 'A headline', '', 'Tom &amp; Ann', 'Test Times', 'news'),
		}).map(({attribute, name, shape, content}) => {
			const written = shape === 'upper' ? name.toUpperCase() : shape === 'spaced' ? ` ${name} ` : shape === 'entity' ? name.replace(/[:.]/, (c) => `&#${c.charCodeAt(0)};`) : name;
			return `<meta ${attribute}="${written}" content="${content}">`;
		});
		const named = (tag: {name: string; attributes: Map<string, string>}) => read.has((tag.attributes.get('property') ?? tag.attributes.get('name') ?? tag.attributes.get('itemprop') ?? '').trim().toLowerCase());
		fc.assert(
			fc.property(fc.array(meta, {maxLength: 30}), (metas) => {
				const page = Buffer.from(`<html><head><title>T</title>${metas.join('\n')}<link rel=canonical href=/c></head><body><time datetime="2020-01-02">x</time></body></html>`);
				const scanned = {page: withoutScripts(page), jsonLd: []};
				const all = headTags(scanned, 'utf-8');
				const some = headTags(scanned, 'utf-8', META_NAMES);
				expect(readMetadata(some)).toEqual(readMetadata(all));
				// Every tag read is kept, in the page's order.
				const needed = all.tags.filter((tag) => tag.name !== 'meta' || named(tag));
				expect(some.tags.filter((tag) => tag.name !== 'meta' || named(tag))).toEqual(needed);
				expect(some.tags.length).toBeLessThanOrEqual(all.tags.length);
			}),
			{numRuns: 300},
		);
	});

	it('reads markup of unclosed tags without going back over it for each one', () => {
		// Each of these took seconds at 100 KB when every '<' was tried to the page's end: at 400 KB,
		// a scan that does so again does not end within the test's time.
		const size = 400_000;
		const hostile = ['<'.repeat(size), '<p'.repeat(size / 2), '<s'.repeat(size / 2), '<!'.repeat(size / 2), '<script'.repeat(size / 7), '<script>' + '</script'.repeat(size / 8), '<style>' + '</style '.repeat(size / 8) + '>', '<meta'.repeat(size / 5), '<title'.repeat(size / 6), '<title>'.repeat(size / 7), '<html'.repeat(size / 5), 'a<b'.repeat(size / 3), '<p>x</p>'.repeat(size / 16) + 'y'.repeat(size / 2)];
		for (const html of hostile) {
			const page = '<body>' + html;
			const scanned = {page: withoutScripts(Buffer.from(page, 'latin1')), jsonLd: []};
			expect(headTags(scanned, 'utf-8').tags.length).toBeLessThan(size);
			expect(proseOf(scanned.page).size).toBeGreaterThanOrEqual(0);
		}
	}, 5000);
});

// Properties that hold for any page text, checked on generated strings with fast-check.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {parseArticle, segmentPage} from '../source/article/parse';
import {renderPlain} from '../source/render/plain';
import {renderArticleJson} from '../source/render/json';
import {sanitizeForTerminal} from '../source/text/sanitize';
import {textWidth} from '../source/text/width';

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// Page-like text: lines of words drawn from Vietnamese, CJK, emoji, controls and escape sequences,
// with the page's own markers (chrome, headings, datelines, reply marks) mixed in.
const word = fc.oneof(
	fc.constantFrom('Quảng', 'Nam', 'ứng', 'dụng', 'công', 'nghệ', 'ĐBSCL', 'TP.HCM', 'Trả lời:', 'Minh', 'Khang:', '0967.292.160',
		'Xem thêm', 'Bình luận mới nhất', '+ xem thêm', '| Hotline: 0983.970.780', 'Chủ Nhật 29/07/2018 , 21:17 (GMT+7)', '...', '…',
		'中文', '😀', '👨‍👩‍👧', '🇻🇳', 'e\u0301', '\u200b', '\u202e', '\u001b[2J', '\u001b]0;x\u0007', '\u001b]52;c;eA==\u001b\\', '\u009b31m', '\t', '\u0000', '\u007f', ':'),
	fc.string({maxLength: 12}),
	fc.string({unit: 'grapheme', maxLength: 8}),
);
const line = fc.oneof(fc.array(word, {maxLength: 14}).map((words) => words.join(' ')), fc.constantFrom('', ' ', '\u00a0caption line'));
const page = fc.array(line, {maxLength: 30}).chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((end) => lines.join(end)));

const parse = (text: string) => parseArticle(text, {id: 'p', source: 'p'});

function countTokens(texts: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const text of texts) for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
	return counts;
}

describe('for any page text', () => {
	it('parsing never throws and always gives a title string', () => {
		fc.assert(fc.property(fc.oneof(page, fc.string(), fc.string({unit: 'binary'})), (text) => {
			expect(typeof parse(text).title).toBe('string');
		}), {numRuns: 400});
	});

	it('plain output holds no control character but newline, and JSON none raw', () => {
		fc.assert(fc.property(page, (text) => {
			const article = parse(text);
			expect(renderPlain(article, {width: 40, color: false})).not.toMatch(UNSAFE);
			expect(renderArticleJson(article)).not.toMatch(UNSAFE);
		}), {numRuns: 300});
	});

	it('every word of the page’s visible text outside its chrome survives into the output', () => {
		fc.assert(fc.property(page, (text) => {
			const kept = segmentPage(text).lines
				.filter((entry) => !['chrome', 'heading', 'meta', 'masthead', 'boilerplate'].includes(entry.role))
				.map((entry) => sanitizeForTerminal(entry.text).replace(/\s*(?:Trả lời|Reply|Replied)\s*:\s*/giu, ' '));
			const output = countTokens([renderPlain(parse(text), {width: Number.POSITIVE_INFINITY, color: false})]);
			for (const [token, count] of countTokens(kept)) expect(output.get(token) ?? 0, token).toBeGreaterThanOrEqual(count);
		}), {numRuns: 300});
	});

	it('no rendered line is wider than the width asked for', () => {
		fc.assert(fc.property(page, fc.integer({min: 2, max: 120}), (text, width) => {
			for (const row of renderPlain(parse(text), {width, color: false}).split('\n')) expect(stringWidth(row)).toBeLessThanOrEqual(width);
		}), {numRuns: 300});
	});
});

describe('column widths', () => {
	it('counted for CJK, kana, Hangul and Latin text agree with string-width', () => {
		const character = fc.oneof(
			fc.integer({min: 0x4e00, max: 0x9fff}),
			fc.integer({min: 0x3041, max: 0x3096}),
			fc.integer({min: 0x30a0, max: 0x30ff}),
			fc.integer({min: 0xac00, max: 0xd7a3}),
			fc.integer({min: 0xff01, max: 0xff60}),
			fc.integer({min: 0x3000, max: 0x303e}),
			fc.integer({min: 0x20, max: 0x7e}),
			fc.integer({min: 0xa0, max: 0x2ff}).filter((code) => code !== 0xad),
		).map((code) => String.fromCodePoint(code));
		fc.assert(fc.property(fc.array(character, {maxLength: 60}).map((characters) => characters.join('')), (text) => {
			expect(textWidth(text)).toBe(stringWidth(text));
		}), {numRuns: 500});
	});
});

import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {wrapText, truncateText} from '../source/text/wrap';
import {textWidth} from '../source/text/width';
import {sanitizeForTerminal, stringifyJsonSafe} from '../source/text/sanitize';
import {decodeBytes, looksBinary} from '../source/text/decode';
import {foldKey} from '../source/text/fold';
import {normalizeText, pageLines} from '../source/text/normalize';
import {groupDigits} from '../source/text/digits';

describe('wrapText', () => {
	const paragraph = 'Phó Thủ tướng Thường trực yêu cầu tỉnh Quảng Nam tiếp tục đổi mới hệ thống tổ chức và quản lý 中文字符 😀 ok';

	it.each([8, 13, 20, 41, 80])('keeps every line within %i columns and every word', (width) => {
		const lines = wrapText(paragraph, width);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
		expect(lines.join(' ').split(' ')).toEqual(paragraph.split(' '));
	});

	it('breaks a word only when it is longer than the line', () => {
		expect(wrapText('short abcdefghijkl end', 5)).toEqual(['short', 'abcde', 'fghij', 'kl', 'end']);
		expect(wrapText('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
	});

	it('never splits a wide character or a grapheme cluster across lines', () => {
		const lines = wrapText('中文中文中文', 5);
		expect(lines).toEqual(['中文', '中文', '中文']);
		const family = '👨‍👩‍👧';
		expect(wrapText(family.repeat(3), 4)).toEqual([family + family, family]);
	});

	it('leaves text unwrapped at an infinite width', () => {
		expect(wrapText(paragraph, Number.POSITIVE_INFINITY)).toEqual([paragraph]);
	});

	it('wraps a 600 KB line word by word in well under a second', () => {
		const huge = 'từ ngữ dài '.repeat(55_000);
		const started = performance.now();
		const lines = wrapText(huge, 80);
		expect(performance.now() - started).toBeLessThan(5000);
		expect(lines.every((line) => textWidth(line) <= 80)).toBe(true);
	});

	it('truncates to a width with an ellipsis', () => {
		expect(truncateText('Quảng Nam ứng dụng', 10)).toBe('Quảng Nam…');
		expect(stringWidth(truncateText('中文中文中文', 5))).toBeLessThanOrEqual(5);
		expect(truncateText('short', 10)).toBe('short');
	});
});

describe('sanitizeForTerminal', () => {
	it.each([
		['CSI', 'a\u001b[2Jb\u001b[31mc', 'abc'],
		['OSC 0 title', 'a\u001b]0;pwned\u0007b', 'ab'],
		['OSC 52 clipboard', 'a\u001b]52;c;ZXZpbA==\u001b\\b', 'ab'],
		['OSC 8 link', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
		['DCS', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
		['APC', 'a\u001b_Gf=24;AAAA\u001b\\b', 'ab'],
		['C1 CSI', 'a\u009b31mb', 'ab'],
		['C0 and DEL', 'a\u0007\u0008\u007fb', 'ab'],
		['bidi override', 'a\u202eb\u2066c\u2069', 'abc'],
	])('removes %s', (_name, input, output) => {
		expect(sanitizeForTerminal(input)).toBe(output);
	});

	it('keeps newlines and turns tabs into spaces', () => {
		expect(sanitizeForTerminal('a\tb\nc')).toBe('a b\nc');
	});

	it('escapes C1, bidi and DEL characters in JSON', () => {
		const json = stringifyJsonSafe({text: 'a\u009b\u202e\u007f\u001bb'});
		expect(json).toBe('{"text":"a\\u009b\\u202e\\u007f\\u001bb"}');
		expect(JSON.parse(json).text).toBe('a\u009b\u202e\u007f\u001bb');
	});
});

describe('decoding and cleaning', () => {
	it('reads UTF-8 with a BOM, UTF-16 with BOMs, and Windows-1252 when not UTF-8', () => {
		expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
		expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x1b, 0x01]))).toBe('Aě');
		expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toBe('A');
		expect(decodeBytes(new Uint8Array([0x35, 0xa3]))).toBe('5£');
	});

	it('tells binary files from text with a stray NUL', () => {
		const text = new TextEncoder().encode('a page of text '.repeat(100) + '\u0000');
		expect(looksBinary(text)).toBe(false);
		expect(looksBinary(new Uint8Array(1000).map((_, i) => (i % 7 === 0 ? 0 : 65)))).toBe(true);
	});

	it('normalises line ends, NUL and composition', () => {
		expect(normalizeText('a\r\nb\rc\u0000d')).toBe('a\nb\ncd');
		expect(normalizeText('Hoa\u0300')).toBe('Hoà');
	});

	it('folds runs of white space and trims non-breaking spaces at the edges', () => {
		expect(pageLines('\u00a0 a  b\u00a0 c\t d \u00a0\n\nx')).toEqual([{text: 'a b c d', indented: true}, {text: 'x', indented: false}]);
	});

	it('folds case and diacritics, đ included', () => {
		expect(foldKey('Giá cam SÀNH giảm mạnh, nông dân đau')).toBe(foldKey('gia cam sanh giam manh nong dan dau'));
		expect(foldKey('Đồng Tháp')).toBe('dong thap');
	});
});

describe('textWidth', () => {
	it('agrees with string-width on every character of the scripts it counts itself', () => {
		const ranges: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0x52f], [0x1e00, 0x1eff], [0x2010, 0x205e]];
		for (const [from, to] of ranges) {
			for (let code = from; code <= to; code++) {
				const character = String.fromCodePoint(code);
				expect(textWidth(`a${character}`), `U+${code.toString(16)}`).toBe(stringWidth(`a${character}`));
			}
		}
	});

	it('agrees with string-width on mixed text', () => {
		for (const text of ['Quảng Nam', 'Hoa\u0300', 'Россия', 'Ελλάδα', '中文 text', '😀 ok', 'a\u200bb', 'soft\u00adhyphen', '한국어']) {
			expect(textWidth(text), text).toBe(stringWidth(text));
		}
	});
});

describe('groupDigits', () => {
	it('groups thousands as toLocaleString does in English and Vietnamese', () => {
		const values = [0, 7, 42, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890, -5, -1234, -1_000_000, Number.MAX_SAFE_INTEGER];
		for (let digits = 1; digits <= 15; digits++) values.push(Math.floor(Math.random() * 10 ** digits));
		for (const value of values) {
			expect(groupDigits(value, ',')).toBe(value.toLocaleString('en'));
			expect(groupDigits(value, '.')).toBe(value.toLocaleString('vi'));
		}
	});

	it('writes numbers that are not whole as they are', () => {
		expect(groupDigits(1.5, ',')).toBe('1.5');
		expect(groupDigits(Number.NaN, ',')).toBe('NaN');
		expect(groupDigits(Infinity, ',')).toBe('Infinity');
	});
});

import {describe, expect, it} from 'vitest';
import {parseArticle} from '../source/article/parse';
import {readFixture} from './helpers/pages';

const parse = (name: string) => parseArticle(readFixture(name), {id: name, source: name});

describe('page variants', () => {
	it('reads a page without a kicker, with a Tuesday morning dateline', () => {
		const article = parse('tuesday-no-kicker.txt');
		expect(article.kicker).toBeNull();
		expect(article.title).toBe('Mùa nước nổi về sớm, nông dân An Giang chuẩn bị đánh bắt cá linh');
		expect(article.published).toBe('2019-09-03T06:05:00+07:00');
		expect(article.blocks.map((block) => block.kind)).toEqual(['lead', 'caption', 'paragraph', 'paragraph']);
	});

	it('gives a related story without a summary line a null summary', () => {
		const article = parse('tuesday-no-kicker.txt');
		expect(article.related).toEqual([
			{title: 'Lúa thu đông trúng mùa, được giá', region: 'AN GIANG', summary: 'Giá lúa tươi tại ruộng tăng 300 đồng/kg so với đầu vụ, nông dân lãi khá.', id: null},
			{title: 'Cần Thơ mở rộng vùng trồng sầu riêng', region: null, summary: null, id: null},
		]);
	});

	it('reads comments with a phone, an e-mail address, or no signature at all', () => {
		const article = parse('tuesday-no-kicker.txt');
		expect(article.comments.map((comment) => [comment.topic, comment.author, comment.contact])).toEqual([
			['Cá linh năm nay về nhiều không anh?', 'Trần Văn Tư', '0918 222 333'],
			[null, 'Lê Thị Hoa', 'hoa.le@example.org'],
			[null, null, null],
		]);
		expect(article.comments[2]!.text).toBe('Mong báo có thêm bài về giá cá linh ở chợ Châu Đốc.');
	});

	it('gives each comment its own entry, on separate lines or in separate paragraphs', () => {
		const article = parse('saturday-several-comments.txt');
		expect(article.comments.map((comment) => comment.author)).toEqual(['Nguyễn Văn Bình', 'Phạm Minh', 'Hoàng Lan']);
		expect(article.comments.map((comment) => comment.topic)).toEqual(['Giá heo hơi tăng trở lại', 'Giá heo hơi tăng trở lại', 'Thức ăn chăn nuôi']);
		expect(article.comments[0]!.text).toBe('Trại nhà tôi vẫn bán chưa được giá cao như báo nêu.');
	});

	it('reads a lower-case weekday with seconds, and a pull quote', () => {
		const article = parse('saturday-several-comments.txt');
		expect(article.kicker).toBe('Chăn nuôi');
		expect(article.published).toBe('2019-12-14T17:45:30+07:00');
		expect(article.blocks.map((block) => block.kind)).toEqual(['lead', 'quote', 'paragraph', 'paragraph']);
		expect(article.related).toEqual([]);
	});

	it('reads a dateline without an offset as a time without one', () => {
		const article = parse('no-related-no-comments.txt');
		expect(article.published).toBe('2020-01-05T07:00:00');
		expect(article.related).toEqual([]);
		expect(article.comments).toEqual([]);
		expect(article.blocks.map((block) => block.kind)).toEqual(['lead', 'paragraph']);
	});

	it('reads CRLF line ends as LF', () => {
		const article = parse('crlf.txt');
		expect(article.kicker).toBe('Thứ Năm');
		expect(article.title).toBe('Hoà Bình đón đồng bào về quê');
		expect(article.published).toBe('2019-01-24T09:30:00+07:00');
		expect(article.related.map((story) => story.title)).toEqual(['Tết ở vùng cao']);
		for (const text of [article.title, ...article.blocks.map((block) => block.text)]) expect(text).not.toMatch(/\r/);
	});

	it('normalises decomposed (NFD) text to NFC', () => {
		const article = parse('nfd.txt');
		expect(article.title).toBe('Học sinh miền núi đến trường bằng thuyền'.normalize('NFC'));
		expect(article.title).toBe(article.title.normalize('NFC'));
		expect(article.kicker).toBe('Giáo dục');
		expect(article.published).toBe('2019-11-08T14:20:00+07:00');
	});

	it('ignores extra blank lines and reads a dateline above the title', () => {
		const article = parse('extra-blank-lines.txt');
		expect(article.title).toBe('Đường sắt Cát Linh - Hà Đông chạy thử toàn tuyến');
		expect(article.published).toBe('2019-10-02T23:59:00+07:00');
		expect(article.blocks.map((block) => block.kind)).toEqual(['lead', 'paragraph']);
	});

	it('reads a page without the seed’s shape: first substantial line as title, the rest as paragraphs', () => {
		const article = parse('plain-page.txt');
		expect(article.title).toBe('How a small cooperative rebuilt its rice mill after the flood');
		expect(article.published).toBeNull();
		expect(article.kicker).toBeNull();
		expect(article.blocks).toHaveLength(3);
		expect(article.blocks[0]!.kind).toBe('lead');
	});

	it('never throws, and gives empty or chrome-only pages an empty title', () => {
		for (const text of ['', '\n\n', '   ', '| Hotline: 0983.970.780', 'Xem thêm', '\u0000\u001b[2J', 'x']) {
			expect(() => parseArticle(text, {id: 'x', source: 'x'})).not.toThrow();
		}
		expect(parseArticle('', {id: 'x', source: 'x'}).title).toBe('');
		expect(parseArticle('| Hotline: 0983.970.780\n', {id: 'x', source: 'x'}).title).toBe('');
	});
});

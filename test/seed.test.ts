import {describe, expect, it} from 'vitest';
import {parseArticle, segmentPage} from '../source/article/parse';
import {parseHeadline} from '../source/article/headline';
import {readPage, seedPath} from './helpers/pages';

const text = readPage(seedPath);
const article = parseArticle(text, {id: '000_70534d3c3e278d1a', source: seedPath});

describe('the seed page', () => {
	it('has its title, kicker and date', () => {
		expect(article.title).toBe('Quảng Nam ứng dụng công nghệ thông tin trong cơ quan hành chính chưa cao');
		expect(article.kicker).toBe('Phó Thủ tướng Thường trực Chính phủ Trương Hoà Bình');
		expect(article.published).toBe('2018-07-29T21:17:00+07:00');
		expect(article.dateline).toBe('Chủ Nhật 29/07/2018 , 21:17 (GMT+7)');
	});

	it('opens the body with the lead', () => {
		expect(article.blocks[0]!.kind).toBe('lead');
		expect(article.blocks[0]!.text.startsWith('Ngày 29/7, Ủy viên Bộ Chính trị')).toBe(true);
		expect(article.blocks.filter((block) => block.kind === 'lead')).toHaveLength(1);
	});

	it('finds exactly one caption, the indented photo line', () => {
		const captions = article.blocks.filter((block) => block.kind === 'caption');
		expect(captions).toHaveLength(1);
		expect(captions[0]!.text.startsWith('Phó Thủ tướng Thường trực Chính phủ Trương Hoà Bình biểu dương')).toBe(true);
	});

	it('finds exactly one pull quote, the truncated copy of a later paragraph', () => {
		const quotes = article.blocks.filter((block) => block.kind === 'quote');
		expect(quotes).toHaveLength(1);
		expect(quotes[0]!.text.startsWith('Phó Thủ tướng Thường trực lưu ý,')).toBe(true);
		expect(quotes[0]!.text.endsWith('đơn vị...')).toBe(true);
		// The full paragraph it copies is still a paragraph.
		expect(article.blocks.some((block) => block.kind === 'paragraph' && block.text.startsWith(quotes[0]!.text.slice(0, -3) + ';'))).toBe(true);
	});

	it('keeps a truncated paragraph that copies nothing as a paragraph', () => {
		const truncated = article.blocks.find((block) => block.text.startsWith('Bên cạnh đó'));
		expect(truncated?.text.endsWith('…')).toBe(true);
		expect(truncated?.kind).toBe('paragraph');
	});

	it('reads the four related stories with their regions', () => {
		expect(article.related.map((story) => story.region)).toEqual(['ĐBSCL', 'TP.HCM', 'CẦN THƠ', null]);
		expect(article.related[0]!.title).toBe('Giá cam sành giảm mạnh, nông dân thất thu');
		expect(article.related[0]!.summary?.startsWith('Hiện tại, cam sành loại 1')).toBe(true);
		expect(article.related[3]!.summary?.startsWith('Giám đốc hai Sở')).toBe(true);
		expect(article.related.every((story) => story.id === null)).toBe(true);
	});

	it('reads the comment into topic, text, author and contact', () => {
		expect(article.comments).toHaveLength(1);
		const [comment] = article.comments;
		expect(comment!.topic).toBe('Nông nghiệp tuần hoàn: Làm sao để tiết kiệm nguồn phụ phẩm thừa từ chế biến thủy sản?');
		expect(comment!.text.startsWith('Ủ vi sinh')).toBe(true);
		expect(comment!.text.endsWith('áp dụng vào thực tế.')).toBe(true);
		expect(comment!.author).toBe('Minh Khang');
		expect(comment!.contact).toBe('0967.292.160');
	});

	it('keeps site chrome out of the blocks', () => {
		for (const block of article.blocks) {
			expect(block.text).not.toMatch(/Hotline|Xem thêm|Bình luận/i);
		}
		const chrome = segmentPage(text).lines.filter((line) => line.role === 'chrome' || line.role === 'heading');
		expect(chrome.map((line) => line.text)).toEqual(['| Hotline: 0983.970.780', 'Xem thêm', 'Bình luận mới nhất', '+ xem thêm']);
	});

	it('gives the listing the same title and date as the full parse', () => {
		expect(parseHeadline(text)).toEqual({title: article.title, published: article.published});
	});
});

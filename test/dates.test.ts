import {describe, expect, it} from 'vitest';
import {findDate, parseCompactDate} from '../source/article/dates';

describe('findDate', () => {
	it.each([
		['Chủ Nhật 29/07/2018 , 21:17 (GMT+7)', '2018-07-29T21:17:00+07:00'],
		['Thứ Hai 1/1/2018 , 0:00 (GMT+7)', '2018-01-01T00:00:00+07:00'],
		['Thứ Ba 2/1/2018 , 1:02', '2018-01-02T01:02:00'],
		['thứ tư 3/1/2018, 13:45:59 (GMT+07:00)', '2018-01-03T13:45:59+07:00'],
		['THỨ NĂM 04/01/2018 , 09:05 (GMT-3)', '2018-01-04T09:05:00-03:00'],
		['Thứ Sáu 5/1/2018 , 23:59 (GMT+5:30)', '2018-01-05T23:59:00+05:30'],
		['Thứ Bảy 6/1/2018 , 12:00 (GMT)', '2018-01-06T12:00:00+00:00'],
		['Thứ 2, 12/3/2019, 08:00 (GMT+7)', '2019-03-12T08:00:00+07:00'],
		['12/3/2019 08:00', '2019-03-12T08:00:00'],
		['29/02/2020', '2020-02-29'],
		['2019-03-05T10:31:00Z', '2019-03-05T10:31:00+00:00'],
		['2019-03-05 10:31:00+0700', '2019-03-05T10:31:00+07:00'],
		['March 5, 2019', '2019-03-05'],
		['5 March 2019 10:31 GMT', '2019-03-05T10:31:00+00:00'],
		['Associated Press November 19, 2019, 9:02 AM', '2019-11-19T09:02:00'],
		['Thứ Hai, 12/3/2019, 08:00 (GMT+7)', '2019-03-12T08:00:00+07:00'],
		['Published Monday, November 18, 2019 8:22AM EST', '2019-11-18T08:22:00'],
	])('reads %s', (line, iso) => {
		expect(findDate(line)?.iso).toBe(iso);
	});

	it.each(['31/02/2019', '29/02/2019', '12/13/2019', 'Thứ Hai 1/1/2018 , 25:00', 'No date here', '2019'])('finds no date in %s', (line) => {
		expect(findDate(line)).toBeUndefined();
	});

	it('reads compact header dates', () => {
		expect(parseCompactDate('20201005')).toBe('2020-10-05');
		expect(parseCompactDate('20201305')).toBeUndefined();
	});
});

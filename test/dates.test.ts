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
		['Published Monday, November 18, 2019 8:22AM EST', '2019-11-18T08:22:00-05:00'],
		// Month first only where day first is no date, or a 12-hour time says the page is American.
		['12/13/2019', '2019-12-13'],
		['5:45 AM PST 11/19/2019 by Patrick Shanley', '2019-11-19T05:45:00-08:00'],
		['By Tess Bonn - 11/19/19 06:56 AM EST', '2019-11-19T06:56:00-05:00'],
		['Updated 1:39 am EST, Wednesday, November 20, 2019', '2019-11-20T01:39:00-05:00'],
		['PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019', '2019-11-19T10:48:00'],
		['Mon 18 Nov 2019 18.54 GMT', '2019-11-18'],
		['20 Nov, 2019 05:47', '2019-11-20T05:47:00'],
		['October 9, 2018 at 4:02 pm', '2018-10-09T16:02:00'],
		['segunda-feira, 22 de janeiro de 2018 às 0:13', '2018-01-22T00:13:00'],
		['27 de septiembre de 2018', '2018-09-27'],
		['20 novembre 2019 alle 10:15', '2019-11-20T10:15:00'],
		['mercredi 20 novembre 2019', '2019-11-20'],
		['27. September 2018, 14:05', '2018-09-27T14:05:00'],
		['20 ноября 2019, 10:15', '2019-11-20T10:15:00'],
		['Rabu, 20 November 2019 14:30 WIB', '2019-11-20T14:30:00+07:00'],
		['ngày 20 tháng 11 năm 2019', '2019-11-20'],
		['18 Nov 2019, 19:09 ICT', '2019-11-18T19:09:00+07:00'],
		// A 12-hour time before a numeric date says month first, as after it.
		['Posted 10:00 am, 5/8/2019', '2019-05-08T10:00:00'],
		// Zone names are capitals: "est" is a French word.
		['29/07/2018 21:17 est', '2018-07-29T21:17:00'],
	])('reads %s', (line, iso) => {
		expect(findDate(line)?.iso).toBe(iso);
	});

	it.each(['31/02/2019', '29/02/2019', '13/13/2019', 'Thứ Hai 1/1/2018 , 25:00', 'No date here', '2019', 'an hour ago', 'Updated Nov 19, 9:41 AM', '11/19/19'])('finds no date in %s', (line) => {
		expect(findDate(line)).toBeUndefined();
	});

	it('reads compact header dates', () => {
		expect(parseCompactDate('20201005')).toBe('2020-10-05');
		expect(parseCompactDate('20201305')).toBeUndefined();
	});
});

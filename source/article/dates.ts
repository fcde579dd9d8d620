// Dates as news pages write them. A date is returned only when the page states it fully: a time
// without an offset stays without one, and nothing is filled in.

export type FoundDate = {iso: string; index: number; length: number};

const pad = (value: number, size = 2) => String(value).padStart(size, '0');

function isValidDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return day <= days;
}

function offsetText(sign: string, hours: number, minutes: number): string | undefined {
	if (hours > 14 || minutes > 59) return undefined;
	return `${sign === '-' || sign === '−' ? '-' : '+'}${pad(hours)}:${pad(minutes)}`;
}

type Parts = {
	year: number;
	month: number;
	day: number;
	hour?: number;
	minute?: number;
	second?: number;
	offset?: string;
};

function toIso(parts: Parts): string | undefined {
	const {year, month, day, hour, minute, second, offset} = parts;
	if (!isValidDate(year, month, day)) return undefined;
	const date = `${year}-${pad(month)}-${pad(day)}`;
	if (hour === undefined || minute === undefined) return date;
	if (hour > 23 || minute > 59 || (second ?? 0) > 59) return undefined;
	return `${date}T${pad(hour)}:${pad(minute)}:${pad(second ?? 0)}${offset ?? ''}`;
}

const WEEKDAY = String.raw`(?:(?:thứ|thu)\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?|sábado|domingo)`;
const TIME = String.raw`(\d{1,2})\s*[:h]\s*(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`;
// Zones by name: those whose offset is one (ET, "Eastern", is EST or EDT by the season: no offset).
const ZONE_OFFSETS: Record<string, string> = {
	EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
	AKST: '-09:00', AKDT: '-08:00', HST: '-10:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00', EET: '+02:00', EEST: '+03:00',
	WIB: '+07:00', ICT: '+07:00', SGT: '+08:00', HKT: '+08:00', JST: '+09:00', KST: '+09:00', AEST: '+10:00', AEDT: '+11:00', NZST: '+12:00', NZDT: '+13:00',
};
const ZONE_NAMES = Object.keys(ZONE_OFFSETS).join('|');
const ZONE = String.raw`\(?\s*(?:(?:GMT|UTC)\s*(?:([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?|(Z)\b|([+\-−])(\d{2}):?(\d{2})|\b(${ZONE_NAMES})\b)\s*\)?`;

const MONTHS: Record<string, number> = {
	jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

// Month names of other languages, as a date writes them (Russian in the genitive: "20 ноября").
const FOREIGN_MONTHS: Record<string, number> = {};
for (const names of [
	'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro', // pt
	'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre', // es
	'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre', // it
	'janvier février mars avril mai juin juillet août septembre octobre novembre décembre', // fr
	'januar februar märz april mai juni juli august september oktober november dezember', // de
	'января февраля марта апреля мая июня июля августа сентября октября ноября декабря', // ru
	'januari februari maret april mei juni juli agustus september oktober november desember', // id
]) {
	names.split(' ').forEach((name, index) => (FOREIGN_MONTHS[name] ??= index + 1));
}
const FOREIGN_MONTH = `(${Object.keys(FOREIGN_MONTHS).sort((a, b) => b.length - a.length).join('|')})`;

const NUMERIC = new RegExp(
	String.raw`(?:${WEEKDAY}\s*,?\s*)?(?<![\d/.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])(?:\s*[,\-–|]?\s*(?:lúc\s*)?${TIME})?(?:\s*${ZONE})?`,
	'iu',
);
const TIME_FIRST = new RegExp(
	String.raw`(?<![\d:])${TIME}\s*[,\-–|]?\s*(?:${WEEKDAY}\s*,?\s*)?(?:ngày\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])(?:\s*${ZONE})?`,
	'iu',
);
const ISO = new RegExp(
	String.raw`(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)`,
	'u',
);
const MONTH_FIRST = new RegExp(
	String.raw`(?:${WEEKDAY}\s*,?\s*)?\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s*(?:,|at|-|–|\||/)?\s*${TIME})?(?:\s*${ZONE})?`,
	'iu',
);
const DAY_FIRST = new RegExp(
	String.raw`(?:${WEEKDAY}\s*,?\s*)?\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})(?:\s*(?:,|at|-|–|\||/)?\s*${TIME})?(?:\s*${ZONE})?`,
	'iu',
);
// "22 de janeiro de 2018 às 0:13", "27. September 2018", "20 ноября 2019 г., 10:15", "20 novembre 2019".
const FOREIGN = new RegExp(
	String.raw`(?<!\d)(\d{1,2})\.?\s+(?:de\s+)?${FOREIGN_MONTH}\s+(?:de\s+|del\s+)?(\d{4})(?:\s*(?:г\.|года)?\s*(?:,|às|a las|alle|à|um|,?\s*pukul)?\s*${TIME})?(?:\s*${ZONE})?`,
	'iu',
);
// "ngày 20 tháng 11 năm 2019", "20 tháng 11, 2019".
const VIETNAMESE = new RegExp(String.raw`(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,)\s+(\d{4})`, 'iu');
// The American short form with a 12-hour time: "11/19/19 06:56 AM EST", "11/13/19 at 4:00 PM".
const US_SHORT = new RegExp(String.raw`(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])\s*(?:at\s+)?${TIME}(?:\s*${ZONE})?`, 'iu');
// A time written before its date: "Updated 1:39 am EST, Wednesday, November 20, 2019", "10:48, Tue, Nov 19, 2019".
const TIME_BEFORE = new RegExp(String.raw`${TIME}(?:\s*${ZONE})?\s*[,|/–-]?\s*(?:${WEEKDAY}\s*,?\s*)?$`, 'iu');

function hour12(hour: number, meridiem: string | undefined): number {
	if (!meridiem) return hour;
	const pm = meridiem.toLowerCase().startsWith('p');
	if (hour < 1 || hour > 12) return 99;
	return (hour % 12) + (pm ? 12 : 0);
}

// The zone groups of a match start at index 8 in every pattern below (5 in TIME_BEFORE): sign, hours, minutes for
// `GMT+7`, a `Z`, or sign, hours, minutes for `+07:00`. A bare `GMT` or `UTC` is offset zero.
function zoneOf(match: RegExpExecArray, first = 8): string | undefined {
	const [sign, hours, minutes, zulu, sign2, hours2, minutes2, name] = match.slice(first, first + 8);
	// Zone names are written in capitals: "est" and "cet" are words in French and Italian.
	if (name) return name === name.toUpperCase() ? ZONE_OFFSETS[name] : undefined;
	if (zulu) return '+00:00';
	if (sign2) return offsetText(sign2, Number(hours2), Number(minutes2));
	if (sign) return offsetText(sign, Number(hours), Number(minutes ?? 0));
	return /GMT|UTC/i.test(match[0]) ? '+00:00' : undefined;
}

function found(match: RegExpExecArray, parts: Parts | undefined): FoundDate | undefined {
	if (!parts) return undefined;
	const iso = toIso(parts);
	return iso ? {iso, index: match.index, length: match[0].length} : undefined;
}

// Cheap tests that rule a matcher out before its long pattern is tried at every position.
const HAS_ISO = /\d{4}-\d\d-\d\d/;
const HAS_NUMERIC = /\d[/.-]\d{1,2}[/.-]\d{4}/;
const HAS_MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const HAS_SHORT_NUMERIC = /\d\/\d{1,2}\/\d\d\b/;

const MATCHERS: Array<(line: string) => FoundDate | undefined> = [
	(line) => {
		const m = HAS_ISO.test(line) ? ISO.exec(line) : null;
		if (!m) return undefined;
		const offset = m[7] ? (m[7] === 'Z' ? '+00:00' : offsetText(m[7][0]!, Number(m[7].slice(1, 3)), Number(m[7].slice(-2)))) : undefined;
		return found(m, {
			year: +m[1]!, month: +m[2]!, day: +m[3]!,
			hour: m[4] ? +m[4] : undefined, minute: m[5] ? +m[5] : undefined, second: m[6] ? +m[6] : undefined, offset,
		});
	},
	(line) => {
		const m = HAS_NUMERIC.test(line) ? TIME_FIRST.exec(line) : null;
		if (!m) return undefined;
		const offset = zoneOf(m);
		// As for a date alone (below): a 12-hour time, or a day-first reading that is no date, means month first.
		const dayFirst = !(m[4] && +m[5]! <= 12) && isValidDate(+m[7]!, +m[6]!, +m[5]!);
		return found(m, {
			day: dayFirst ? +m[5]! : +m[6]!, month: dayFirst ? +m[6]! : +m[5]!, year: +m[7]!,
			hour: hour12(+m[1]!, m[4]), minute: +m[2]!, second: m[3] ? +m[3] : undefined, offset,
		});
	},
	(line) => {
		const m = HAS_NUMERIC.test(line) ? NUMERIC.exec(line) : null;
		if (!m) return undefined;
		const timed = m[4] !== undefined;
		const offset = timed ? zoneOf(m) : undefined;
		// Day first, as most of the world writes it; month first when only that is a date (11/19/2019),
		// or when a 12-hour time says the page is American (5:45 AM PST 11/19/2019 has its time before).
		const american = /\d\s*[ap]\.?m\b/i.test(line) && +m[1]! <= 12;
		const dayFirst = !american && isValidDate(+m[3]!, +m[2]!, +m[1]!);
		return found(m, {
			day: dayFirst ? +m[1]! : +m[2]!, month: dayFirst ? +m[2]! : +m[1]!, year: +m[3]!,
			hour: timed ? hour12(+m[4]!, m[7]) : undefined, minute: timed ? +m[5]! : undefined,
			second: m[6] ? +m[6] : undefined, offset,
		});
	},
	(line) => {
		const m = HAS_SHORT_NUMERIC.test(line) ? US_SHORT.exec(line) : null;
		if (!m || !m[7]) return undefined;
		return found(m, {month: +m[1]!, day: +m[2]!, year: 2000 + +m[3]!, hour: hour12(+m[4]!, m[7]), minute: +m[5]!, second: m[6] ? +m[6] : undefined, offset: zoneOf(m)});
	},
	(line) => {
		const m = FOREIGN.exec(line);
		if (!m) return undefined;
		const timed = m[4] !== undefined;
		return found(m, {
			day: +m[1]!, month: FOREIGN_MONTHS[m[2]!.toLowerCase()]!, year: +m[3]!,
			hour: timed ? hour12(+m[4]!, m[7]) : undefined, minute: timed ? +m[5]! : undefined,
			second: m[6] ? +m[6] : undefined, offset: timed ? zoneOf(m) : undefined,
		});
	},
	(line) => {
		const m = /tháng/i.test(line) ? VIETNAMESE.exec(line) : null;
		return m ? found(m, {day: +m[1]!, month: +m[2]!, year: +m[3]!}) : undefined;
	},
	(line) => {
		const m = HAS_MONTH.test(line) ? MONTH_FIRST.exec(line) : null;
		if (!m) return undefined;
		const timed = m[4] !== undefined;
		const offset = timed ? zoneOf(m) : undefined;
		return found(m, {
			month: MONTHS[m[1]!.toLowerCase().slice(0, 3)]!, day: +m[2]!, year: +m[3]!,
			hour: timed ? hour12(+m[4]!, m[7]) : undefined, minute: timed ? +m[5]! : undefined,
			second: m[6] ? +m[6] : undefined, offset,
		});
	},
	(line) => {
		const m = HAS_MONTH.test(line) ? DAY_FIRST.exec(line) : null;
		if (!m) return undefined;
		const timed = m[4] !== undefined;
		const offset = timed ? zoneOf(m) : undefined;
		return found(m, {
			day: +m[1]!, month: MONTHS[m[2]!.toLowerCase().slice(0, 3)]!, year: +m[3]!,
			hour: timed ? hour12(+m[4]!, m[7]) : undefined, minute: timed ? +m[5]! : undefined,
			second: m[6] ? +m[6] : undefined, offset,
		});
	},
];

/** The first full date in the line, in any of the forms news sites use. */
export function findDate(line: string): FoundDate | undefined {
	if (line.length > 400 || !/\d{4}|\d\/\d\d\b/.test(line)) return undefined;
	let best: FoundDate | undefined;
	for (const matcher of MATCHERS) {
		const date = matcher(line);
		// The most precise, and of those the first in the line.
		if (date && (!best || date.iso.length > best.iso.length || (date.iso.length === best.iso.length && date.index < best.index))) best = date;
	}
	return best && best.iso.length === 10 ? withTimeBefore(line, best) : best;
}

/** A date without a time, with the time written just before it ("1:39 am EST, Wednesday, November 20, 2019"). */
function withTimeBefore(line: string, date: FoundDate): FoundDate {
	const before = TIME_BEFORE.exec(line.slice(Math.max(0, date.index - 40), date.index));
	if (!before) return date;
	const [year, month, day] = date.iso.split('-').map(Number) as [number, number, number];
	const iso = toIso({year, month, day, hour: hour12(+before[1]!, before[4]), minute: +before[2]!, second: before[3] ? +before[3] : undefined, offset: zoneOf(before, 5)});
	return iso ? {iso, index: date.index - before[0].length, length: date.length + before[0].length} : date;
}

/** A compact date such as the `# date = 20201005` header gives. */
export function parseCompactDate(value: string): string | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
	if (m) return toIso({year: +m[1]!, month: +m[2]!, day: +m[3]!});
	return findDate(value)?.iso;
}

/** Milliseconds for sorting; a time without an offset is taken as UTC. */
export function sortTime(iso: string | null): number {
	if (!iso) return Number.NEGATIVE_INFINITY;
	const withZone = /[+-]\d{2}:\d{2}$/.test(iso) || iso.length === 10 ? iso : iso + 'Z';
	const time = Date.parse(withZone);
	return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

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

const WEEKDAY = String.raw`(?:(?:thứ|thu)\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)`;
const TIME = String.raw`(\d{1,2})\s*[:h]\s*(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`;
const ZONE = String.raw`\(?\s*(?:(?:GMT|UTC)\s*(?:([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?|(Z)\b|([+\-−])(\d{2}):?(\d{2}))\s*\)?`;

const MONTHS: Record<string, number> = {
	jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

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
	String.raw`(?:${WEEKDAY}\s*,?\s*)?\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s*(?:,|at|-|–|\|)?\s*${TIME})?(?:\s*${ZONE})?`,
	'iu',
);
const DAY_FIRST = new RegExp(
	String.raw`(?:${WEEKDAY}\s*,?\s*)?\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s+(\d{4})(?:\s*(?:,|at|-|–|\|)?\s*${TIME})?(?:\s*${ZONE})?`,
	'iu',
);

function hour12(hour: number, meridiem: string | undefined): number {
	if (!meridiem) return hour;
	const pm = meridiem.toLowerCase().startsWith('p');
	if (hour < 1 || hour > 12) return 99;
	return (hour % 12) + (pm ? 12 : 0);
}

// The zone groups of a match start at index 8 in every pattern below: sign, hours, minutes for
// `GMT+7`, a `Z`, or sign, hours, minutes for `+07:00`. A bare `GMT` or `UTC` is offset zero.
function zoneOf(match: RegExpExecArray): string | undefined {
	const [sign, hours, minutes, zulu, sign2, hours2, minutes2] = match.slice(8, 15);
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
		return found(m, {
			day: +m[5]!, month: +m[6]!, year: +m[7]!,
			hour: hour12(+m[1]!, m[4]), minute: +m[2]!, second: m[3] ? +m[3] : undefined, offset,
		});
	},
	(line) => {
		const m = HAS_NUMERIC.test(line) ? NUMERIC.exec(line) : null;
		if (!m) return undefined;
		const timed = m[4] !== undefined;
		const offset = timed ? zoneOf(m) : undefined;
		return found(m, {
			day: +m[1]!, month: +m[2]!, year: +m[3]!,
			hour: timed ? hour12(+m[4]!, m[7]) : undefined, minute: timed ? +m[5]! : undefined,
			second: m[6] ? +m[6] : undefined, offset,
		});
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
	if (line.length > 400 || !/\d{4}/.test(line)) return undefined;
	let best: FoundDate | undefined;
	for (const matcher of MATCHERS) {
		const date = matcher(line);
		if (date && (!best || date.iso.length > best.iso.length)) best = date;
	}
	return best;
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

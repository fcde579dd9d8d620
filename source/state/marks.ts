// What a reader remembers of a dataset: which articles were read, which are bookmarked, where
// reading stopped in each, and the last one opened; and, apart from any dataset, the reader's own
// settings (the comment pane hidden or shown). Every mark carries the time it was made, so two
// copies (two readers on one dataset) merge mark by mark, the newer winning, and none is lost.

export type Flag = readonly [value: boolean, time: number];
export type Position = readonly [top: number, width: number, time: number];

export type Marks = {
	readonly read: ReadonlyMap<string, Flag>;
	readonly bookmarks: ReadonlyMap<string, Flag>;
	readonly positions: ReadonlyMap<string, Position>;
	readonly last: readonly [id: string, time: number] | null;
	readonly settings: ReadonlyMap<string, readonly [value: unknown, time: number]>;
};

export const emptyMarks = (): Marks => ({read: new Map(), bookmarks: new Map(), positions: new Map(), last: null, settings: new Map()});

// Reading positions beyond this many are forgotten, the oldest first: a position is worth
// keeping for articles one may come back to, not for every article ever opened.
const POSITIONS_KEPT = 5000;

const timeOf = (value: readonly unknown[]) => value[value.length - 1] as number;

function mergeMaps<T extends readonly unknown[]>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): Map<string, T> {
	const merged = new Map(a);
	for (const [key, value] of b) {
		const other = merged.get(key);
		if (!other || timeOf(value) >= timeOf(other)) merged.set(key, value);
	}
	return merged;
}

/** Two copies of the marks as one: for each mark, the newer. */
export function mergeMarks(a: Marks, b: Marks): Marks {
	let positions = mergeMaps(a.positions, b.positions);
	if (positions.size > POSITIONS_KEPT) positions = new Map([...positions].sort((x, y) => timeOf(y[1]) - timeOf(x[1])).slice(0, POSITIONS_KEPT));
	const last = !a.last ? b.last : !b.last ? a.last : b.last[1] >= a.last[1] ? b.last : a.last;
	return {read: mergeMaps(a.read, b.read), bookmarks: mergeMaps(a.bookmarks, b.bookmarks), positions, last, settings: mergeMaps(a.settings, b.settings)};
}

export const isSet = (flags: ReadonlyMap<string, Flag>, id: string) => flags.get(id)?.[0] === true;

export function setFlag(flags: ReadonlyMap<string, Flag>, ids: Iterable<string>, value: boolean, time: number): ReadonlyMap<string, Flag> {
	const next = new Map(flags);
	for (const id of ids) next.set(id, [value, time]);
	return next;
}

/** The bookmarked ids, the most recently bookmarked first. */
export const bookmarked = (marks: Marks): string[] =>
	[...marks.bookmarks].filter(([, [value]]) => value).sort((a, b) => b[1][1] - a[1][1]).map(([id]) => id);

type Stored = {
	version: 1;
	read?: Record<string, Flag>;
	bookmarks?: Record<string, Flag>;
	positions?: Record<string, Position>;
	last?: readonly [string, number] | null;
	settings?: Record<string, readonly [unknown, number]>;
};

export function marksToJson(marks: Marks): string {
	const stored: Stored = {
		version: 1,
		read: Object.fromEntries(marks.read),
		bookmarks: Object.fromEntries(marks.bookmarks),
		positions: Object.fromEntries(marks.positions),
		last: marks.last,
		settings: Object.fromEntries(marks.settings),
	};
	return JSON.stringify(stored);
}

const isFlag = (value: unknown): value is Flag => Array.isArray(value) && value.length === 2 && typeof value[0] === 'boolean' && Number.isFinite(value[1]);
const isPosition = (value: unknown): value is Position => Array.isArray(value) && value.length === 3 && value.every((part) => Number.isFinite(part));
const isSetting = (value: unknown): value is readonly [unknown, number] => Array.isArray(value) && value.length === 2 && Number.isFinite(value[1]);

function entriesOf<T>(record: unknown, valid: (value: unknown) => value is T): Map<string, T> {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not a table of marks');
	// Ids are page data: a key such as __proto__ must stay a key.
	const map = new Map<string, T>();
	for (const [key, value] of Object.entries(record)) if (valid(value)) map.set(key, value);
	return map;
}

/** Marks from their stored text; throws when the text is not a state file docbao wrote. */
export function marksFromJson(text: string): Marks {
	const stored = JSON.parse(text) as Stored;
	if (typeof stored !== 'object' || stored === null || stored.version !== 1) throw new Error('not a docbao state file');
	const last = Array.isArray(stored.last) && typeof stored.last[0] === 'string' && Number.isFinite(stored.last[1]) ? stored.last : null;
	return {
		read: entriesOf(stored.read ?? {}, isFlag),
		bookmarks: entriesOf(stored.bookmarks ?? {}, isFlag),
		positions: entriesOf(stored.positions ?? {}, isPosition),
		last,
		settings: entriesOf(stored.settings ?? {}, isSetting),
	};
}

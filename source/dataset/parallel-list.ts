// A large file of records listed by several threads at once: a WARC archive of one gzip member a
// record, or a Parquet file of several row groups, is cut into parts (see records.ts), each listed
// by a thread of its own (list-worker.ts), and the parts' records are put back in file order, as
// one reading from the start would give them. What one part cannot settle alone (where the parts
// join, a record over several members) is checked here, and then read in this thread instead.
import {availableParallelism} from 'node:os';
import type {PathLike} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {recordParts, WARC_FILE, type FieldNames, type RecordPart, type SkipCounts} from './records';
import type {ListedRecord} from './load';

/** The listing threads' script, and the size from which a file is worth them. */
export type ListWorkers = {script: string; fromBytes?: number};

/** What a listing thread is given. */
export type PartJob = {path: PathLike; label: string; part: RecordPart; fields?: FieldNames};

/**
 * What a listing thread says: its records and the faults it met, in the order it met them (a
 * batch always ends with a record), and last how its part ended. A batch comes as the JSON of its
 * items in UTF-8 (see batchBytes).
 */
export type PartMessage = {batch: Uint8Array} | {done: {part: RecordPart; skipped: Array<[string, number]>}};

/** A record listed, or a fault told (a string). */
export type PartItem = ListedRecord | string;

/**
 * A batch of items as the thread sends it. The parts after the one being handed on wait in this
 * thread until their turn: as objects, the second half of a 1 GB archive's listing took some 40 MB
 * of this thread's heap; as JSON bytes, outside the heap, a fifth of that.
 */
export const batchBytes = (items: PartItem[]): Uint8Array => Buffer.from(JSON.stringify(items));

const batchItems = (batch: Uint8Array): PartItem[] => JSON.parse(Buffer.from(batch.buffer, batch.byteOffset, batch.byteLength).toString()) as PartItem[];

/** A part being listed by its thread: its records and faults as they come, then how it ended. */
type PartRun = {
	batches: Uint8Array[];
	skipped: Array<[string, number]>;
	part?: RecordPart;
	failed?: string;
	finished: boolean;
	/** Wakes whoever waits for more of this part. */
	wake?: () => void;
	/** Ends the thread, its part no longer wanted. */
	stop: () => void;
	stopped?: boolean;
};

// Below this, starting threads costs more than they save.
const FROM_BYTES = 32 * 1024 * 1024;
// Each thread holds its part's pages as it reads them; more than a few would cost memory for little.
const MOST_THREADS = 4;
// A listing's garbage is page-sized strings and buffers, dropped at once: small heaps collect it
// often and keep the threads' memory flat. A WARC page is at most 8 MB (see bounded-read.ts); a
// Parquet thread holds a column chunk decoded whole (up to 32 MB of text, twice that as strings,
// see parquet.ts) or a batch of rows. A thread that runs out all the same fails, and its part is
// read in this thread instead.
const YOUNG_GENERATION_MB = 4;
const WARC_OLD_GENERATION_MB = 64;
const PARQUET_OLD_GENERATION_MB = 160;

/** Lists a part, or the whole file, in this thread; with `own`, its faults and skips go there. */
type ReadPart = (part: RecordPart | undefined, own?: {warn: (message: string) => void; skipped: SkipCounts}) => AsyncIterable<ListedRecord>;

/**
 * The file's listed records, from several threads; undefined when the file cannot be cut into
 * parts (or is too small for it to pay). `readPart` lists a part, or the whole file, in this thread.
 */
export function listInParallel(path: PathLike, label: string, workers: ListWorkers, warn: (message: string) => void, options: {fields?: FieldNames; skipped?: SkipCounts}, readPart: ReadPart): AsyncGenerator<ListedRecord> | undefined {
	let parts;
	try {
		parts = recordParts(path, label, Math.min(MOST_THREADS, availableParallelism()), workers.fromBytes ?? FROM_BYTES);
	} catch {
		// A file that cannot be read is read in this thread, whose reading says why.
		return undefined;
	}
	const oldGenerationMb = WARC_FILE.test(label) ? WARC_OLD_GENERATION_MB : PARQUET_OLD_GENERATION_MB;
	return parts && merged(parts.map((part) => listPart(workers.script, {path, label, part, ...(options.fields ? {fields: options.fields} : {})}, oldGenerationMb)), path, warn, options.skipped, readPart);
}

async function* merged(runs: PartRun[], path: PathLike, warn: (message: string) => void, skipped: SkipCounts | undefined, readPart: ReadPart): AsyncGenerator<ListedRecord> {
	// Records are numbered across parts; `numbered` is how many numbers the parts before used, and
	// `last` the number of the last record handed on.
	let numbered = 0;
	let last = 0;
	// Skip counts handed on from the parts, to be taken back if the file is read again.
	const counted = new Map<string, number>();
	const count = (counts: Iterable<[string, number]>, sign = 1) => {
		for (const [reason, n] of counts) {
			skipped?.set(reason, (skipped.get(reason) ?? 0) + sign * n);
			counted.set(reason, (counted.get(reason) ?? 0) + sign * n);
		}
	};
	// The file read again here, from its start, past the records already handed on: when a part
	// needs a reading from the start, or a thread failed. Faults and skips before the last record
	// handed on were told already; the skip counts become the new reading's.
	async function* fromStart(): AsyncGenerator<ListedRecord> {
		for (const run of runs) run.stop();
		let past = last === 0;
		const again = {warn: (message: string) => void (past && warn(message)), skipped: new Map() as SkipCounts};
		for await (const record of readPart(undefined, again)) {
			if (record.lineNumber > last) yield record;
			past ||= record.lineNumber >= last;
		}
		count([...counted], -1);
		count(again.skipped);
	}
	try {
		for (const [i, run] of runs.entries()) {
			// Each part's records are handed on as they come; the parts after it wait in memory.
			for (;;) {
				// Dropped as it is taken: a part's records need not stay in memory once handed on.
				const batch = run.batches.shift();
				if (batch) {
					for (const item of batchItems(batch)) {
						if (typeof item === 'string') warn(item);
						else {
							last = item.lineNumber + numbered;
							yield {...item, lineNumber: last, place: {...item.place, path}};
						}
					}
					continue;
				}
				if (run.finished) break;
				await new Promise<void>((resolve) => (run.wake = resolve));
			}
			if (run.failed !== undefined || !run.part || run.part.whole) {
				yield* fromStart();
				return;
			}
			count(run.skipped);
			numbered += run.part.count ?? 0;
			if (i + 1 === runs.length) return;
			// The part ended past where the next one starts (a damaged member skipped over the mark, a
			// record that ran on): the next parts started inside something; the rest is read here.
			if (run.part.ended !== run.part.to) {
				for (const other of runs) other.stop();
				const rest: RecordPart = {from: run.part.ended!, to: Number.POSITIVE_INFINITY};
				// Its faults are told as a thread's are: each before the record it came before, and
				// those after the last record only if this reading stands.
				const faults: string[] = [];
				const restSkipped: SkipCounts = new Map();
				for await (const record of readPart(rest, {warn: (message) => faults.push(message), skipped: restSkipped})) {
					for (const fault of faults.splice(0)) warn(fault);
					last = record.lineNumber + numbered;
					yield {...record, lineNumber: last};
				}
				if (!rest.whole) for (const fault of faults) warn(fault);
				count(restSkipped);
				if (rest.whole) yield* fromStart();
				return;
			}
		}
	} finally {
		for (const run of runs) run.stop();
	}
}

function listPart(script: string, job: PartJob, oldGenerationMb: number): PartRun {
	const run: PartRun = {batches: [], skipped: [], finished: false, stop: () => {}};
	const wake = () => {
		run.wake?.();
		run.wake = undefined;
	};
	const worker = new Worker(script, {workerData: job, resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldGenerationMb}});
	run.stop = () => {
		run.batches = [];
		if (run.finished) return;
		// Asked to stop, not terminated: a thread terminated while it loads its modules can take the
		// process down with it (Node 20). Its part is no longer wanted, nor waited for.
		run.stopped = true;
		worker.postMessage('stop');
		worker.unref();
	};
	worker.on('message', (message: PartMessage) => {
		if (run.stopped) return;
		if ('batch' in message) run.batches.push(message.batch);
		else {
			run.part = message.done.part;
			run.skipped = message.done.skipped;
		}
		wake();
	});
	worker.on('error', (error) => (run.failed = error.message));
	worker.on('exit', (code) => {
		if (code !== 0 || !run.part) run.failed ??= `exit ${code}`;
		run.finished = true;
		wake();
	});
	return run;
}

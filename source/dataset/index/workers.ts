// Page parsing in worker threads for an indexing: as many workers as cores less one (at least
// one), while the main thread writes to SQLite; for HTML pages, whose parse costs far more than
// their writing, the caller asks for one a core. Results come back in the order the pages were
// sent, so ids and batches do not depend on which worker was quicker.
import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';
import type {PageJob, ParsedPage, RecordJob} from './parse-page';

export type PageParser = {
	/** Parses pages in order, taking them as they come; the site lines are those of each page's folder. */
	parse(jobs: Iterable<ParseJob> | AsyncIterable<ParseJob>): AsyncGenerator<ParsedPage>;
	close(): Promise<void>;
};

export type ParseJob = {job: PageJob | RecordJob; siteLines: ReadonlySet<string>};

type Reply = {id: number; result: ParsedPage};

// Pages go to a worker in batches of this many: fewer messages, and every worker kept busy.
const BATCH = 64;

export function startWorkers(script: string, count = Math.max(1, availableParallelism() - 1)): PageParser {
	const workers = Array.from({length: count}, () => new Worker(script));
	for (const worker of workers) worker.unref();
	const waiting = new Map<number, (result: ParsedPage) => void>();
	let failure: Error | undefined;
	for (const worker of workers) {
		worker.on('message', (replies: Reply[]) => {
			for (const {id, result} of replies) {
				waiting.get(id)?.(result);
				waiting.delete(id);
			}
		});
		worker.on('error', (error) => {
			failure = error;
			for (const resolve of waiting.values()) resolve({skipped: `a parsing thread failed: ${error.message}`});
			waiting.clear();
		});
	}
	let nextId = 0;
	const siteLineIds = new Map<ReadonlySet<string>, number>();
	return {
		async *parse(jobs) {
			// Batches are sent ahead of the one being written, but only a few: parsed pages wait in
			// memory until they are written, and a large dataset must not pile up there.
			const ahead = workers.length * 3;
			const pending: Array<Array<Promise<ParsedPage>>> = [];
			const source = Symbol.asyncIterator in jobs ? jobs[Symbol.asyncIterator]() : jobs[Symbol.iterator]();
			let exhausted = false;
			let turn = 0;
			const send = async () => {
				const taken: ParseJob[] = [];
				while (taken.length < BATCH) {
					const next = await source.next();
					if (next.done) {
						exhausted = true;
						break;
					}
					taken.push(next.value);
				}
				if (taken.length === 0) return;
				const batch = taken.map(({job, siteLines}) => {
					const id = nextId++;
					let linesId = siteLineIds.get(siteLines);
					let lines: string[] | undefined;
					// Each folder's site lines are sent to every worker once; after that, by number.
					if (linesId === undefined) {
						siteLineIds.set(siteLines, (linesId = siteLineIds.size));
						lines = [...siteLines];
						for (const worker of workers) worker.postMessage({define: linesId, lines});
					}
					return {id, job, linesId};
				});
				pending.push(batch.map(({id}) => new Promise<ParsedPage>((resolve) => waiting.set(id, resolve))));
				workers[turn++ % workers.length]!.postMessage({jobs: batch});
			};
			while (!exhausted && pending.length < ahead) await send();
			while (pending.length > 0) {
				for (const result of pending.shift()!) {
					const parsed = await result;
					if (failure) throw failure;
					yield parsed;
				}
				if (!exhausted) await send();
			}
		},
		async close() {
			await Promise.all(workers.map((worker) => worker.terminate()));
		},
	};
}

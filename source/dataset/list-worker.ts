// The entry of a listing thread (see parallel-list.ts): one part of a file of records in, its
// listed records out, in batches, then how the part ended.
import {parentPort, workerData} from 'node:worker_threads';
import {loadCrawlReaders} from './crawl-readers';
import {listRecords, type ListedRecord} from './load';
import type {PartJob, PartMessage} from './parallel-list';
import type {SkipCounts} from './records';

// Records go back in batches of this many: fewer messages, and the main thread sees progress.
const BATCH = 500;

const send = (message: PartMessage) => parentPort!.postMessage(message);

const job = workerData as PartJob;
// A path of bytes (a name that is not UTF-8) arrives as a plain Uint8Array.
const path = typeof job.path === 'string' ? job.path : Buffer.from(job.path as Uint8Array);
// Asked to stop (its part is no longer wanted), the thread ends at the next record.
let stopped = false;
parentPort!.once('message', () => (stopped = true));
parentPort!.unref();
await loadCrawlReaders();
const skipped: SkipCounts = new Map();
let batch: ListedRecord[] = [];
for await (const record of listRecords(path, job.label, (warning) => send({warning}), {fields: job.fields, skipped, part: job.part})) {
	if (stopped) process.exit(0);
	// The main thread knows the path; a copy of it in every record would only cost the copying.
	batch.push({...record, place: {...record.place, path: ''}});
	if (batch.length >= BATCH) {
		send({records: batch});
		batch = [];
	}
}
send({records: batch});
send({done: {part: job.part, skipped: [...skipped]}});

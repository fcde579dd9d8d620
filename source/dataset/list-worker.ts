// The entry of a listing thread (see parallel-list.ts): one part of a file of records in, its
// listed records out, in batches, then how the part ended.
import {parentPort, workerData} from 'node:worker_threads';
import {listRecords} from './load';
import {batchBytes, type PartItem, type PartJob, type PartMessage} from './parallel-list';
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
const skipped: SkipCounts = new Map();
// Records and faults in the order they come; a batch is sent after a record, so faults after the
// last record sent stay here until the next one, or the part's end.
let items: PartItem[] = [];
for await (const record of listRecords(path, job.label, (warning) => items.push(warning), {fields: job.fields, skipped, part: job.part})) {
	if (stopped) process.exit(0);
	// The main thread knows the path; a copy of it in every record would only cost the copying.
	items.push({...record, place: {...record.place, path: ''}});
	if (items.length >= BATCH) {
		send({batch: batchBytes(items)});
		items = [];
	}
}
// A part that must be read from the archive's start keeps its faults after its last record: that
// reading tells them.
if (job.part.whole) while (typeof items.at(-1) === 'string') items.pop();
send({batch: batchBytes(items)});
send({done: {part: job.part, skipped: [...skipped]}});

// A bench thread: reads one part of a file of records, as a listing thread does (see
// source/dataset/list-worker.ts) but without listing them, and says how many it read: the reading's
// own speed on several threads.
import {parentPort, workerData} from 'node:worker_threads';
import {loadCrawlReaders} from '../source/dataset/crawl-readers';
import {readRecords, type RecordPart} from '../source/dataset/records';

const {path, part} = workerData as {path: string; part: RecordPart};
await loadCrawlReaders();
let records = 0;
for await (const _ of readRecords(path, path, () => {}, {part})) records++;
parentPort!.postMessage(records);

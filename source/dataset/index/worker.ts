// The entry of a parsing thread (see workers.ts): pages in, rows for the index out.
import {parentPort} from 'node:worker_threads';
import {parsePage, type PageJob, type RecordJob} from './parse-page';
import {loadCrawlReaders} from '../crawl-readers';

type Job = {id: number; job: PageJob | RecordJob; linesId: number};
type Message = {jobs: Job[]} | {define: number; lines: string[]};

const siteLines = new Map<number, ReadonlySet<string>>();

// A thread parses whatever its refresh hands it, HTML among it: its readers load before the first job.
const ready = loadCrawlReaders();

parentPort?.on('message', async (message: Message) => {
	if ('define' in message) {
		siteLines.set(message.define, new Set(message.lines));
		return;
	}
	await ready;
	const replies = message.jobs.map(({id, job, linesId}) => ({id, result: parsePage(job, siteLines.get(linesId) ?? new Set())}));
	parentPort!.postMessage(replies);
});

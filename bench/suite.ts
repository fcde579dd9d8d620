// The benchmark: parse throughput, `list` on generated datasets, and `show` against a bare Node
// start measured in the same run. Targets come from the issues; each line says whether it is met.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArticle} from '../source/article/parse';
import {writeDataset} from './generate';
import {format, median, timeAlternating, timeCommand} from './measure';
import {bareNode, scrolling, startUp, writeLongArticle} from './reader';
import {indexFigures} from './index';
import {gunzipRate, haveSharedCrawls, htmlPagesPerSecond, parquetPartsReadRate, parquetReadRate, writeBigWarc, writeParquet} from './crawls';
import {peakRss, resizeToOneColumn, searchKeystrokes, showBesideHugeSibling, timeList, writeGzipRecords, writeLongRecord} from './robustness';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const seed = join(root, 'data', '000_70534d3c3e278d1a.txt');
const work = mkdtempSync(join(tmpdir(), 'docbao-bench-'));

function report(name: string, value: string, target: string, met: boolean): void {
	console.log(`${name.padEnd(34)} ${value.padStart(14)}   target ${target.padEnd(12)} ${met ? 'met' : 'MISSED'}`);
}

// `npm run bench -- reader bounded` runs only the sections named; without names, all of them.
const sections = process.argv.slice(2);
const wanted = (section: string) => sections.length === 0 || sections.includes(section);

try {
	console.log(`docbao benchmark, Node ${process.version}, ${new Date().toISOString()}\n`);
	if (wanted('datasets')) await datasets();
	if (wanted('reader')) await reader();
	if (wanted('degenerate')) await degenerate();
	if (wanted('bounded')) await bounded();
	if (wanted('index')) await index();
	if (wanted('crawls')) await crawls();
} finally {
	rmSync(work, {recursive: true, force: true});
}

async function datasets(): Promise<void> {
	const small = writeDataset(work, 1000, seed);

	// Parsing is timed before the large dataset exists, so its 55 MB of strings do not burden the GC.
	const rounds: number[] = [];
	for (let round = 0; round < 8; round++) {
		const started = performance.now();
		for (const [i, text] of small.texts.entries()) parseArticle(text, {id: String(i), source: 'bench'});
		rounds.push(performance.now() - started);
	}
	const throughput = small.bytes / 1e6 / (median(rounds.slice(1)) / 1000);
	report('parse throughput', `${format(throughput)} MB/s`, '>= 50 MB/s', throughput >= 50);

	const large = writeDataset(work, 10_000, seed);

	for (const dataset of [small, large]) {
		const ms = timeCommand(process.execPath, [cli, 'list', dataset.folder], 3);
		const count = dataset.texts.length;
		report(`list of ${count.toLocaleString('en')} pages (${format(dataset.bytes / 1e6)} MB)`, `${format(ms, 0)} ms`, count >= 10_000 ? '<= 1000 ms' : '', count < 10_000 || ms <= 1000);
	}

	const [bare, show] = timeAlternating([process.execPath, ['-e', '']], [process.execPath, [cli, 'show', seed]], 15);
	report('node -e ""', `${format(bare, 0)} ms`, '', true);
	report('show of the seed', `${format(show, 0)} ms`, '', true);
	report('show / bare node', `${format(show / bare, 2)}x`, '<= 2.5x', show / bare <= 2.5);
}

async function reader(): Promise<void> {
	console.log('\nthe reader, in a 120x36 pseudo-terminal');
	// In turn, like the pair above, so that the machine's load touches both alike.
	const bareRuns: number[] = [];
	const frameRuns: number[] = [];
	for (let i = 0; i < 7; i++) {
		bareRuns.push(...(await bareNode(1)));
		frameRuns.push(...(await startUp(cli, seed, 1)));
	}
	const bareInTerminal = median(bareRuns);
	const firstFrame = median(frameRuns);
	report('node -e "" in a terminal', `${format(bareInTerminal, 0)} ms`, '', true);
	report('start-up to the first full frame', `${format(firstFrame, 0)} ms`, '', true);
	report('start-up / bare node', `${format(firstFrame / bareInTerminal, 2)}x`, '<= 4x', firstFrame / bareInTerminal <= 4);
	const long = writeLongArticle(work, seed);
	const scroll = await scrolling(cli, long, 300);
	report(`scroll key to frame, median (${scroll.lines} lines)`, `${format(scroll.median)} ms`, '<= 16 ms', scroll.median <= 16);
	report('scroll key to frame, worst', `${format(scroll.worst)} ms`, '', true);
	report('peak RSS with that article open', `${format(scroll.peakRssMb, 0)} MB`, '<= 150 MB', scroll.peakRssMb <= 150);
}

async function degenerate(): Promise<void> {
	console.log('\ndegenerate pages');
	const manyLines = join(work, 'many-lines.txt');
	writeFileSync(manyLines, Array.from({length: 100_000}, (_, i) => `Dòng số ${i} của một trang rất dài.`).join('\n'));
	const many = await scrolling(cli, manyLines, 200);
	report(`scroll a 100,000-line page, median (${many.lines} lines)`, `${format(many.median)} ms`, '<= 16 ms', many.median <= 16);
	// In a folder of its own: `show FILE` links related stories to the file's folder.
	mkdirSync(join(work, 'huge'));
	const hugeLine = join(work, 'huge', 'huge-line.txt');
	writeFileSync(hugeLine, 'Một câu dài vô tận với nhiều chữ có dấu. '.repeat(15_000));
	const huge = timeCommand(process.execPath, [cli, 'show', hugeLine, '--width', '80'], 5);
	report('show --width 80 of a 600 KB line', `${format(huge, 0)} ms`, '< 1000 ms', huge < 1000);
	const search = await searchKeystrokes(cli, manyLines, 'trang rat dai 9');
	report('search keystroke, 100,000 lines, median', `${format(search.median)} ms`, '<= 16 ms', search.median <= 16);
	report('  worst', `${format(search.worst)} ms`, '', true);
	report('  first query typed: first key (folds)', `${format(search.first)} ms`, '', true);
	report('  first query typed: median', `${format(search.coldMedian)} ms`, '', true);
	const resize = await resizeToOneColumn(cli, manyLines);
	report('resize that page to 1 column', `${format(resize.narrow, 0)} ms`, '', true);
	report('  and back to 100 columns', `${format(resize.back, 0)} ms`, '< 2000 ms', resize.back < 2000);
}

async function index(): Promise<void> {
	console.log('\nbig datasets, through the index');
	for (const count of [10_000, 100_000]) {
		const dataset = writeDataset(work, count, seed);
		dataset.texts.length = 0;
		await indexFigures(cli, dataset.folder, join(work, `cache-${count}`), report);
		rmSync(dataset.folder, {recursive: true, force: true});
	}
}

async function bounded(): Promise<void> {
	console.log('\nbounded time and memory');
	const line20 = timeList(cli, writeLongRecord(work, 20));
	const line40 = timeList(cli, writeLongRecord(work, 40));
	report('list of one 20 MB JSON Lines line', `${format(line20, 0)} ms`, '', true);
	report('list of one 40 MB JSON Lines line', `${format(line40, 0)} ms`, '', true);
	report('40 MB / 20 MB time', `${format(line40 / line20, 2)}x`, '<= 2.2x', line40 / line20 <= 2.2);
	const records = await writeGzipRecords(work, 2000);
	const gzip = await peakRss(process.execPath, [cli, 'list', records]);
	report('list of 2,000 x 1 MB gzip records', `${format(gzip.ms, 0)} ms`, '', true);
	report('  its peak RSS', `${format(gzip.peakMb, 0)} MB`, '<= 300 MB', gzip.peakMb <= 300);
	const [alone, beside] = showBesideHugeSibling(cli, work, seed);
	report('show of a page alone', `${format(alone, 0)} ms`, '', true);
	report('show beside 50 MB sibling / alone', `${format(beside / alone, 2)}x`, '<= 2x', beside / alone <= 2);
}

async function crawls(): Promise<void> {
	console.log('\ncrawl formats: HTML pages, a 1 GB WARC, Parquet');
	if (!haveSharedCrawls()) {
		console.log('skipped: the shared crawls (../shared/crawls) are not here');
		return;
	}
	const html = htmlPagesPerSecond();
	report(`HTML pages parsed, one core (${html.pages})`, `${format(html.pagesPerSecond, 0)} pages/s`, '>= 20', html.pagesPerSecond >= 20);
	report('  as HTML read', `${format(html.megabytesPerSecond)} MB/s`, '', true);
	for (const compressed of [false, true]) {
		const path = join(work, compressed ? 'big.warc.gz' : 'big.warc');
		const {size, records} = await writeBigWarc(path, 1000, compressed);
		// Three listings (the machine is noisy: one tells little): the median time, the highest peak.
		const runs = [];
		for (let run = 0; run < 3; run++) runs.push(await peakRss(process.execPath, [cli, 'list', path, '--no-index']));
		const listed = {ms: median(runs.map((run) => run.ms)), peakMb: Math.max(...runs.map((run) => run.peakMb))};
		const rate = size / 1e6 / (listed.ms / 1000);
		const name = `list of a ${format(size / 1e9, 2)} GB ${compressed ? '.warc.gz' : '.warc'}, median of 3`;
		report(name, `${format(listed.ms / 1000)} s`, '', true);
		report('  fastest and slowest', `${format(Math.min(...runs.map((run) => run.ms)) / 1000)}–${format(Math.max(...runs.map((run) => run.ms)) / 1000)} s`, '', true);
		report('  WARC read', `${format(rate)} MB/s`, '>= 50 MB/s', rate >= 50);
		if (compressed) {
			report('  WARC records read (decompressed)', `${format(records / 1e6 / (listed.ms / 1000))} MB/s`, '', true);
			const gunzip = await gunzipRate(path);
			report('  the archive gunzipped, one thread', `${format(gunzip)} MB/s`, '', true);
			report('  listing / gunzip, threads: ' + String(Math.min(4, availableParallelism())), `${format(rate / gunzip, 2)}x`, '', true);
		}
		report('  its peak RSS, the highest of the three', `${format(listed.peakMb, 0)} MB`, '<= 200 MB', listed.peakMb <= 200);
		rmSync(path, {force: true});
	}
	// English text decodes to one-byte strings; Vietnamese, with its diacritics, at a fraction of the speed.
	const english = join(root, '..', 'shared', 'corpus', 'en_aeb_groundtruth');
	if (existsSync(english)) {
		const text = readdirSync(english).slice(0, 10).map((name) => readFileSync(join(english, name), 'utf8')).join('\n');
		const path = join(work, 'english.parquet');
		const size = await writeParquet(path, 20_000, 5000, text);
		const read = await parquetReadRate(path);
		report(`Parquet read, English, ${format(size / 1e6, 0)} MB`, `${format(read.megabytesPerSecond)} MB/s`, '>= 50 MB/s', read.megabytesPerSecond >= 50);
		rmSync(path, {force: true});
	}
	const parquet = join(work, 'big.parquet');
	const size = await writeParquet(parquet, 60_000, 5000, readFileSync(seed, 'utf8'));
	const read = await parquetReadRate(parquet);
	report(`Parquet read, Vietnamese, ${format(size / 1e6, 0)} MB, ${read.records.toLocaleString('en')} rows`, `${format(read.megabytesPerSecond)} MB/s`, '>= 50 MB/s', read.megabytesPerSecond >= 50);
	const threads = Math.min(4, availableParallelism());
	const parts = await parquetPartsReadRate(parquet, threads);
	report(`  on ${threads} threads, in ${parts.parts} parts as a listing reads it`, `${format(parts.megabytesPerSecond)} MB/s`, '>= 50 MB/s', parts.megabytesPerSecond >= 50 && parts.records === read.records);
	const listed = await peakRss(process.execPath, [cli, 'list', parquet, '--no-index']);
	report('  list of it (each row’s text parsed)', `${format(listed.ms / 1000, 2)} s`, '', true);
	report('  its peak RSS', `${format(listed.peakMb, 0)} MB`, '', true);
}

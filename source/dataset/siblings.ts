// What `show FILE` links the page to without a dataset named: the pages beside it in its own
// folder, and only as many as are cheap to look at. Showing one page must cost about what the page
// costs, whatever lies around it: subfolders are not entered, JSON Lines files are not read, each
// sibling is read up to its headline, and a folder of many thousands is sampled, not read.
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {headlineOfHead} from './page-file';
import {printableId, withoutExtension} from './ids';
import {recurringLines} from './site-lines';
import {indexTitles} from './titles';

const SIBLING_LIMIT = 2000;
const PAGE_FILE = /\.txt$/i;

export type SiblingContext = {titles: Map<string, string>; siteLines(folder: string): ReadonlySet<string>};

export function siblingContext(folder: string): SiblingContext {
	let names: string[];
	try {
		names = readdirSync(folder, {withFileTypes: true})
			.filter((entry) => entry.isFile() && PAGE_FILE.test(entry.name))
			.map((entry) => entry.name)
			.sort()
			.slice(0, SIBLING_LIMIT);
	} catch {
		names = [];
	}
	const pages = names.map((name) => ({path: join(folder, name), label: join(folder, name)}));
	const entries: {id: string; title: string}[] = [];
	names.forEach((name, index) => {
		try {
			const headline = headlineOfHead(pages[index]!.path);
			if (headline) entries.push({id: printableId(withoutExtension(name)), title: headline.title});
		} catch {
			// A sibling that cannot be read is not this page's business.
		}
	});
	let lines: ReadonlySet<string> | undefined;
	return {
		titles: indexTitles(entries),
		siteLines: () => (lines ??= recurringLines(pages)),
	};
}

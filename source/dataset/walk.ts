// The page files of a dataset folder: every `*.txt` below it, in a stable order. Links are
// followed, but a folder is entered once, so a symlink loop ends; unreadable entries are
// reported, not fatal.
import {readdirSync, realpathSync, statSync, type Dirent, type Stats} from 'node:fs';
import {join, relative, sep} from 'node:path';

export type PageFile = {path: string; relativePath: string};

// Pages, and JSON Lines files of records (see jsonl.ts).
const PAGE_EXTENSION = /\.(?:txt|jsonl|jsonl\.gz)$/i;

function linkTarget(path: string, warn: (message: string) => void): Stats | undefined {
	try {
		return statSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		warn(`skipping ${path}: ${code === 'ENOENT' ? 'broken link' : code === 'ELOOP' ? 'symlink loop' : (error as Error).message}`);
		return undefined;
	}
}

export function listPageFiles(root: string, warn: (message: string) => void): PageFile[] {
	const files: PageFile[] = [];
	const seen = new Set<string>();
	const visit = (folder: string) => {
		let real: string;
		try {
			real = realpathSync(folder);
		} catch (error) {
			warn(`cannot read ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}`);
			return;
		}
		if (seen.has(real)) return;
		seen.add(real);
		let entries: Dirent[];
		try {
			entries = readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		} catch (error) {
			warn(`cannot read ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}`);
			return;
		}
		for (const entry of entries) {
			const path = join(folder, entry.name);
			const kind = entry.isSymbolicLink() ? linkTarget(path, warn) : entry;
			if (kind?.isDirectory()) visit(path);
			else if (kind?.isFile() && PAGE_EXTENSION.test(entry.name)) files.push({path, relativePath: relative(root, path).split(sep).join('/')});
		}
	};
	visit(root);
	return files;
}

// The page files of a dataset folder: every `*.txt` below it, in a stable order. Links are
// followed, but a folder is entered once, so a symlink loop ends; unreadable entries are
// reported, not fatal.
import {readdirSync, realpathSync, statSync} from 'node:fs';
import {join, relative, sep} from 'node:path';

export type PageFile = {path: string; relativePath: string};

const PAGE_EXTENSION = /\.txt$/i;

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
		let names: string[];
		try {
			names = readdirSync(folder).sort();
		} catch (error) {
			warn(`cannot read ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}`);
			return;
		}
		for (const name of names) {
			const path = join(folder, name);
			let stats;
			try {
				stats = statSync(path);
			} catch (error) {
				warn(`skipping ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'broken link' : (error as Error).message}`);
				continue;
			}
			if (stats.isDirectory()) visit(path);
			else if (stats.isFile() && PAGE_EXTENSION.test(name)) files.push({path, relativePath: relative(root, path).split(sep).join('/')});
		}
	};
	visit(root);
	return files;
}

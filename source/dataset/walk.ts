// The page files of a dataset folder: every page file below it, in a stable order. Links are
// followed while they stay inside the dataset (a link to `/` must not make a listing walk the
// whole machine); a folder is entered once, so a symlink loop ends. File names are taken as bytes,
// so a name that is not UTF-8 is still read. Unreadable entries and files that are not regular
// (pipes, sockets, devices) are reported, not fatal.
import {readdirSync, realpathSync, statSync, type Dirent, type Stats} from 'node:fs';
import {isUtf8} from 'node:buffer';
import {join, sep} from 'node:path';
import {kindOf} from './bounded-read';

export type PageFile = {
	/** The path for messages and ids; a name that is not UTF-8 shows U+FFFD where its bytes do not decode. */
	path: string;
	relativePath: string;
	/** The path's bytes, when they are not UTF-8 and `path` cannot reach the file. */
	raw?: Buffer;
};

/** The path the file system knows the file by. */
export const fsPath = (file: {path: string; raw?: Buffer}) => file.raw ?? file.path;

// Pages, and JSON Lines files of records (see jsonl.ts).
export const PAGE_EXTENSION = /\.(?:txt|jsonl|jsonl\.gz)$/i;

export type WalkOptions = {warn: (message: string) => void; followLinks?: boolean};

type Place = {bytes: Buffer; display: string; relative: string; utf8: boolean};

const SEPARATOR = Buffer.from(sep);

function linkTarget(path: Buffer, display: string, warn: (message: string) => void): Stats | undefined {
	try {
		return statSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		warn(`skipping ${display}: ${code === 'ENOENT' ? 'broken link' : code === 'ELOOP' ? 'symlink loop' : (error as Error).message}`);
		return undefined;
	}
}

function realPath(path: Buffer): Buffer | undefined {
	try {
		return realpathSync(path, {encoding: 'buffer'});
	} catch {
		return undefined;
	}
}

const isInside = (path: Buffer, root: Buffer) => path.equals(root) || (path.length > root.length && path.subarray(0, root.length).equals(root) && path.subarray(root.length, root.length + SEPARATOR.length).equals(SEPARATOR));

export function listPageFiles(root: string, {warn, followLinks = false}: WalkOptions): PageFile[] {
	const files: PageFile[] = [];
	const seen = new Set<string>();
	const realRoot = realPath(Buffer.from(root)) ?? Buffer.from(root);
	const visit = (folder: Place) => {
		const real = realPath(folder.bytes);
		if (!real) {
			warn(`cannot read ${folder.display}: no such folder`);
			return;
		}
		const key = real.toString('latin1');
		if (seen.has(key)) return;
		seen.add(key);
		let entries: Dirent<Buffer>[];
		try {
			entries = readdirSync(folder.bytes, {withFileTypes: true, encoding: 'buffer'});
		} catch (error) {
			warn(`cannot read ${folder.display}: ${(error as NodeJS.ErrnoException).code ?? error}`);
			return;
		}
		entries.sort((a, b) => Buffer.compare(a.name, b.name));
		for (const entry of entries) {
			const name = entry.name.toString('utf8');
			const utf8 = folder.utf8 && isUtf8(entry.name);
			const display = join(folder.display, name);
			const place: Place = {
				bytes: utf8 ? Buffer.from(display) : Buffer.concat([folder.bytes, SEPARATOR, entry.name]),
				display,
				relative: folder.relative === '' ? name : `${folder.relative}/${name}`,
				utf8,
			};
			let kind: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'> | undefined = entry;
			if (entry.isSymbolicLink()) {
				kind = linkTarget(place.bytes, place.display, warn);
				if (kind && !followLinks && !isInside(realPath(place.bytes) ?? place.bytes, realRoot)) {
					if (kind.isDirectory() || PAGE_EXTENSION.test(name)) warn(`skipping ${place.display}: a link out of the dataset (--follow-links follows it)`);
					continue;
				}
			}
			if (!kind) continue;
			if (kind.isDirectory()) visit(place);
			else if (!PAGE_EXTENSION.test(name)) continue;
			else if (kind.isFile()) files.push({path: place.display, relativePath: place.relative, ...(place.utf8 ? {} : {raw: place.bytes})});
			else warn(`skipping ${place.display}: ${kindOf(kind)}, not a page file`);
		}
	};
	visit({bytes: Buffer.from(root), display: root, relative: '', utf8: true});
	return files;
}

// The page files of a dataset folder: every page file below it, in a stable order. Links are
// followed while they stay inside the dataset (a link to `/` must not make a listing walk the
// whole machine); a folder is entered once, so a symlink loop ends. File names are taken as bytes,
// so a name that is not UTF-8 is still read. Unreadable entries and files that are not regular
// (pipes, sockets, devices) are reported, not fatal.
import {readdirSync, realpathSync, statSync, type Dirent, type Stats} from 'node:fs';
import {isUtf8} from 'node:buffer';
import {normalize, sep} from 'node:path';
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

// Pages (text, HTML), and files of records: JSON Lines, WARC, Parquet (see records.ts).
export const PAGE_EXTENSION = /\.(?:txt|jsonl|jsonl\.gz|x?html?|x?html?\.gz|warc|warc\.gz|parquet)$/i;

export type WalkOptions = {
	warn: (message: string) => void;
	followLinks?: boolean;
	/** Hears of each folder entered, with its time as it was before its names were read. */
	onFolder?: (realPath: Buffer, stats: Stats) => void;
};

type Place = {display: string; relative: string; utf8: boolean; parent?: Place; name?: Buffer; bytes?: Buffer};

/** A place's path as bytes, made only when needed (links, folders, names that are not UTF-8). */
function bytesOf(place: Place): Buffer {
	place.bytes ??= place.utf8 || !place.parent ? Buffer.from(place.display) : Buffer.concat([bytesOf(place.parent), SEPARATOR, place.name!]);
	return place.bytes;
}

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

export function listPageFiles(root: string, {warn, followLinks = false, onFolder}: WalkOptions): PageFile[] {
	const files: PageFile[] = [];
	const seen = new Set<string>();
	const realRoot = realPath(Buffer.from(root)) ?? Buffer.from(root);
	const visit = (folder: Place) => {
		const real = realPath(bytesOf(folder));
		if (!real) {
			warn(`cannot read ${folder.display}: no such folder`);
			return;
		}
		const key = real.toString('latin1');
		if (seen.has(key)) return;
		seen.add(key);
		if (onFolder) {
			// Taken before the names are read: a page added meanwhile changes the folder's time after it.
			const stats = statSync(real, {throwIfNoEntry: false});
			if (stats) onFolder(real, stats);
		}
		let entries: Array<Dirent<Buffer> | Dirent>;
		try {
			// Names as strings, the quick way, unless one of them is not UTF-8: then as bytes.
			const named = folder.utf8 ? readdirSync(folder.display, {withFileTypes: true}) : undefined;
			entries = named && !named.some((entry) => entry.name.includes('\ufffd')) ? named : readdirSync(bytesOf(folder), {withFileTypes: true, encoding: 'buffer'});
		} catch (error) {
			warn(`cannot read ${folder.display}: ${(error as NodeJS.ErrnoException).code ?? error}`);
			return;
		}
		entries.sort((a, b) => (typeof a.name === 'string' ? (a.name < (b.name as string) ? -1 : a.name > (b.name as string) ? 1 : 0) : Buffer.compare(a.name, b.name as Buffer)));
		const prefix = folder.display === '.' ? '' : folder.display.endsWith(sep) ? folder.display : folder.display + sep;
		for (const entry of entries) {
			const bytes = typeof entry.name === 'string' ? undefined : entry.name;
			const name = bytes ? bytes.toString('utf8') : (entry.name as string);
			const utf8 = folder.utf8 && (!bytes || isUtf8(bytes));
			const place: Place = {display: prefix + name, relative: folder.relative === '' ? name : `${folder.relative}/${name}`, utf8, parent: folder, name: bytes};
			let kind: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'> | undefined = entry;
			if (entry.isSymbolicLink()) {
				kind = linkTarget(bytesOf(place), place.display, warn);
				if (kind && !followLinks && !isInside(realPath(bytesOf(place)) ?? bytesOf(place), realRoot)) {
					if (kind.isDirectory() || PAGE_EXTENSION.test(name)) warn(`skipping ${place.display}: a link out of the dataset (--follow-links follows it)`);
					continue;
				}
			}
			if (!kind) continue;
			if (kind.isDirectory()) visit(place);
			else if (!PAGE_EXTENSION.test(name)) continue;
			else if (kind.isFile()) files.push(place.utf8 ? {path: place.display, relativePath: place.relative} : {path: place.display, relativePath: place.relative, raw: bytesOf(place)});
			else warn(`skipping ${place.display}: ${kindOf(kind)}, not a page file`);
		}
	};
	visit({display: normalize(root), relative: '', utf8: true});
	return files;
}

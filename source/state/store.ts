// The marks on disk: one file per dataset under the XDG state folder (apart from the index, a
// cache that may be deleted), and one for the reader's own settings. A write goes to a temporary
// file that is renamed over the old one, so the file is whole at every moment, whatever kills the
// process; and a write merges what is on disk first, under a lock, so two readers on one dataset
// keep each other's marks.
import {createHash} from 'node:crypto';
import {closeSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {docbaoDir} from '../config/xdg';
import {emptyMarks, marksFromJson, marksToJson, mergeMarks, type Marks} from './marks';
import {isRunning} from '../system/process';

export type MarkStore = {
	readonly file: string;
	/** The marks on disk now. */
	load(): Marks;
	/** Merges these marks into those on disk and returns the merged marks. */
	save(marks: Marks): Marks;
};

/** The state file of a dataset, keyed by its real path, as the index is. */
export function datasetStateFile(path: string, env: NodeJS.ProcessEnv): string {
	let real = resolve(path);
	try {
		real = realpathSync(path);
	} catch {
		// A dataset that is gone keeps the name it had.
	}
	const key = createHash('sha256').update(real).digest('hex').slice(0, 24);
	return join(docbaoDir('state', env), 'datasets', `${key}.json`);
}

export const settingsFile = (env: NodeJS.ProcessEnv) => join(docbaoDir('state', env), 'reader.json');

// A lock older than this is left by a process that died holding it.
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 2000;

function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `work` holding the file's lock (a file made with O_EXCL); a dead holder's lock is taken over. */
function withLock<T>(file: string, work: () => T): T {
	const lock = `${file}.lock`;
	const until = Date.now() + LOCK_WAIT_MS;
	let held = false;
	let waited = false;
	while (!held && !waited) {
		try {
			const fd = openSync(lock, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			held = true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let stale = false;
			try {
				const holder = Number(readFileSync(lock, 'utf8'));
				stale = (Number.isInteger(holder) && holder > 0 && !isRunning(holder)) || Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
			} catch {
				// Released meanwhile: try again.
			}
			if (stale) {
				// A holder that is gone: its lock is taken over.
				try {
					unlinkSync(lock);
				} catch {
					// Someone else took it over first.
				}
			} else if (Date.now() > until) {
				// A live holder that holds on for too long: write without the lock (the rename is still
				// atomic), and leave its lock to it.
				waited = true;
			} else sleep(5);
		}
	}
	try {
		return work();
	} finally {
		if (held) {
			try {
				unlinkSync(lock);
			} catch {
				// Taken over as stale; nothing to release.
			}
		}
	}
}

export function openMarkStore(file: string, warn: (message: string) => void): MarkStore {
	const read = (): Marks => {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyMarks();
			throw error;
		}
		try {
			return marksFromJson(text);
		} catch (error) {
			// Kept aside, not overwritten: what it held may still be saved by hand.
			const aside = `${file}.damaged-${Date.now()}`;
			try {
				renameSync(file, aside);
			} catch {
				// It went away meanwhile.
			}
			warn(`${file} could not be read (${(error as Error).message}); it was moved to ${aside} and a new one started`);
			return emptyMarks();
		}
	};
	return {
		file,
		load: read,
		save(marks) {
			mkdirSync(join(file, '..'), {recursive: true});
			return withLock(file, () => {
				const merged = mergeMarks(read(), marks);
				const temporary = `${file}.${process.pid}.tmp`;
				const fd = openSync(temporary, 'w');
				try {
					writeFileSync(fd, marksToJson(merged));
					fsyncSync(fd);
				} finally {
					closeSync(fd);
				}
				renameSync(temporary, file);
				return merged;
			});
		},
	};
}

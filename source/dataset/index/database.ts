// Opening a dataset's index, whatever state the cache is in: missing (created), of another version
// (rebuilt), damaged or half-written (rebuilt, with a warning), in a folder that cannot be written
// (an index in memory for this run, with a warning). Two docbao processes may share one index: it
// runs in WAL mode, so readers never wait for the writer, and writers wait for each other.
import {mkdirSync, rmSync} from 'node:fs';
import {dirname} from 'node:path';
import {indexFile} from './location';
import {createSchema, dropSchema, SCHEMA_VERSION} from './schema';
import {openDatabase, type Database} from './sqlite';

export type IndexHandle = {db: Database; file: string; inMemory: boolean};

const DAMAGED = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];
const UNWRITABLE = ['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_PERM', 'EACCES', 'EROFS', 'ENOSPC', 'EPERM', 'EEXIST', 'ENOTDIR'];

/** Whether an error's code is one of these, or an extended code of one (SQLITE_READONLY_DIRECTORY). */
function isOneOf(error: unknown, codes: string[]): boolean {
	const code = String((error as {code?: string}).code ?? '');
	return codes.some((base) => code === base || code.startsWith(`${base}_`));
}

function prepare(db: Database, inMemory: boolean): void {
	if (!inMemory) {
		db.pragma('journal_mode = WAL');
		// The index is a cache: a power cut may cost it (it is then rebuilt), a killed process never does.
		db.pragma('synchronous = OFF');
		// A reader's cache stays small; an indexing raises it (see refresh.ts).
		db.pragma('cache_size = -8192');
	}
	const version = db.pragma('user_version', {simple: true}) as number;
	if (version === SCHEMA_VERSION) {
		// A damaged file can open cleanly; reading its schema and a table tells (a small one: a
		// count of a large table would cost every start the time of reading it).
		db.prepare('SELECT count(*) FROM meta').get();
		return;
	}
	db.transaction(() => {
		// Another process may have built it while this one waited for the lock.
		if ((db.pragma('user_version', {simple: true}) as number) === SCHEMA_VERSION) return;
		dropSchema(db);
		createSchema(db);
	}).immediate();
}

function removeFiles(file: string): void {
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, {force: true});
}

function inMemory(): IndexHandle {
	const db = openDatabase(':memory:');
	prepare(db, true);
	return {db, file: ':memory:', inMemory: true};
}

/** The index of the dataset with this key; never throws for the cache's sake (SQLite itself missing does). */
export function openIndex(key: string, env: NodeJS.ProcessEnv, warn: (message: string) => void): IndexHandle {
	const file = indexFile(key, env);
	for (let attempt = 0; attempt < 2; attempt++) {
		let db: Database | undefined;
		try {
			mkdirSync(dirname(file), {recursive: true});
			db = openDatabase(file);
			prepare(db, false);
			return {db, file, inMemory: false};
		} catch (error) {
			db?.close();
			if (isOneOf(error, DAMAGED) && attempt === 0) {
				warn(`the index ${file} was damaged (${(error as Error).message}); it is built again`);
				removeFiles(file);
				continue;
			}
			if (isOneOf(error, UNWRITABLE) || isOneOf(error, DAMAGED)) {
				warn(`cannot keep an index in ${dirname(file)} (${(error as Error).message}); indexing in memory for this run`);
				return inMemory();
			}
			throw error;
		}
	}
	return inMemory();
}

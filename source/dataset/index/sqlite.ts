// better-sqlite3, loaded only when an index is opened: `show` and the reader's start do not pay
// for it, and a machine where its native part is missing still runs docbao without an index.
import {createRequire} from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement;
type Constructor = typeof BetterSqlite3;

let loaded: Constructor | undefined;

/** Opens a database file (or `:memory:`); throws when SQLite cannot be loaded or the file opened. */
export function openDatabase(path: string): Database {
	loaded ??= createRequire(import.meta.url)('better-sqlite3') as Constructor;
	// A second docbao writing to the same index waits for it rather than failing.
	return new loaded(path, {timeout: 5000});
}

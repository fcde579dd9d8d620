// The index's tables. `articles` holds what a listing and a search need of each article, `bodies`
// its text for snippets; `fts`
// indexes its title and body, folded (case, diacritics and đ) as the list filter folds them, since
// SQLite's own diacritic removal leaves đ alone; `files` records each page file's size and time
// as last read, so a refresh reads again only what changed.
import type {Database} from './sqlite';

// Raised whenever the tables change: an index of another version is rebuilt.
export const SCHEMA_VERSION = 10;

const TABLES = `
CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE refreshing (
	only INTEGER PRIMARY KEY CHECK (only = 1),
	pid INTEGER NOT NULL
);
CREATE TABLE files (
	path TEXT PRIMARY KEY,
	raw BLOB,
	size INTEGER NOT NULL,
	mtime REAL NOT NULL,
	file_id TEXT NOT NULL
);
CREATE TABLE articles (
	n INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	file TEXT NOT NULL,
	raw BLOB,
	place_offset INTEGER,
	place_length INTEGER,
	compressed INTEGER,
	title TEXT NOT NULL,
	published TEXT,
	sort_time REAL NOT NULL,
	kicker TEXT,
	url TEXT,
	site TEXT,
	language TEXT,
	related INTEGER NOT NULL,
	comments INTEGER NOT NULL,
	title_key TEXT NOT NULL,
	title_folded TEXT NOT NULL,
	url_key TEXT,
	stated TEXT,
	-- An older capture of an address another row holds (WARC): found by its id, never listed.
	superseded INTEGER NOT NULL DEFAULT 0
);
-- Kept apart, so the rows a listing scans stay small and close together.
CREATE TABLE bodies (
	n INTEGER PRIMARY KEY,
	body TEXT NOT NULL
);
CREATE INDEX articles_file ON articles (file);
-- The listed rows in the listing's order, with what a listing shows of each: a listing, a window
-- deep in the list and an article's position read this index alone, in order, never the wide rows
-- (or the older captures) beside them. Listing 100,000 articles took twice as long when each row
-- was looked up in the table (0.3 s against 0.6 s); the index grows by 0.15 MB per 1,000 articles.
CREATE INDEX articles_order ON articles (sort_time DESC, id, file, title, published, url) WHERE superseded = 0;
CREATE INDEX articles_title_key ON articles (title_key);
CREATE INDEX articles_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
-- How many rows are listed, kept by the refresh in the transaction that changes them (refresh.ts):
-- counting the listing's index takes a time that grows with the dataset (7 ms at 100,000
-- articles), and every start of the reader asks for the number. (Triggers would keep it too, but
-- made each insert of an indexing several times slower.)
CREATE TABLE totals (
	only INTEGER PRIMARY KEY CHECK (only = 1),
	listed INTEGER NOT NULL
);
INSERT INTO totals (only, listed) VALUES (1, 0);
CREATE VIRTUAL TABLE fts USING fts5 (title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
`;

export function createSchema(db: Database): void {
	db.exec(TABLES);
	db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export function dropSchema(db: Database): void {
	db.exec('DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS totals; DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS refreshing; DROP TABLE IF EXISTS bodies; DROP TABLE IF EXISTS meta;');
}

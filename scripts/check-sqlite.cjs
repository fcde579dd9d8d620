// Run after `npm install` and before the tests: better-sqlite3 is a native module, built from
// source on install where no prebuilt binary can be downloaded. If that build was skipped (an npm
// that refuses install scripts, `--ignore-scripts`) or failed, say so loudly here, with the fix,
// rather than let docbao fall back to its slower path without anyone noticing. Requiring the
// module succeeds even without the binary: only opening a database loads it.
try {
	const Database = require('better-sqlite3');
	const db = new Database(':memory:');
	db.prepare("create virtual table probe using fts5(text, tokenize = 'unicode61 remove_diacritics 2')").run();
	db.close();
} catch (error) {
	console.error(
		[
			'docbao: the native SQLite module (better-sqlite3) is missing or broken:',
			`  ${String(error && error.message).split('\n')[0]}`,
			'It is built from source when installed (python3, make and a C++ compiler are needed; about',
			'two minutes). Build it with: npm rebuild better-sqlite3',
			'If npm refused its install script, it must be allowed: package.json lists it in "allowScripts".',
		].join('\n'),
	);
	process.exit(1);
}

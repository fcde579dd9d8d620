import {openSync} from 'node:fs';
import {ReadStream} from 'node:tty';

/**
 * The stream to read keys from: standard input when it is a terminal, else the controlling
 * terminal (so `cat page.txt | docbao -` still takes keys), else none.
 */
export function keyboard(): NodeJS.ReadStream | undefined {
	if (process.stdin.isTTY) return process.stdin;
	try {
		return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		return undefined;
	}
}

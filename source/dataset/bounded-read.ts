// Reading bytes with a ceiling. A page is never larger than PAGE_LIMIT_BYTES: past it the bytes are
// not a page (a log, a dump, /dev/zero behind a link), and reading on would only exhaust memory.
// Regular files are refused by their size before a byte is read; streams (standard input, pipes)
// are read up to the limit and refused when they go past it.
import {closeSync, constants, fstatSync, openSync, readSync, type PathLike} from 'node:fs';
import {Socket} from 'node:net';
import {DatasetError} from './errors';

export const PAGE_LIMIT_BYTES = 64 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function overLimit(label: string, size?: number): DatasetError {
	const stated = size === undefined ? '' : ` ${megabytes(size)},`;
	return new DatasetError(`${label} is${stated} over the page limit of ${megabytes(PAGE_LIMIT_BYTES)}: not read`);
}

export function readError(label: string, error: unknown): DatasetError {
	const code = (error as NodeJS.ErrnoException).code;
	const reason =
		code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'a folder, not a page' : (error as Error).message;
	return new DatasetError(`cannot read ${label}: ${reason}`);
}

/** What a non-regular file is, for a message. */
export function kindOf(stats: {isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean}): string {
	if (stats.isDirectory()) return 'a folder';
	if (stats.isFIFO()) return 'a pipe';
	if (stats.isSocket()) return 'a socket';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
	return 'not a regular file';
}

/**
 * A regular file opened for reading. It is opened without blocking, so a file that became a pipe
 * is refused instead of waiting for a writer; the caller closes the descriptor.
 */
export function openRegularFile(path: PathLike, label: string): number {
	let descriptor: number;
	try {
		descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		throw readError(label, error);
	}
	let stats;
	try {
		stats = fstatSync(descriptor);
	} catch (error) {
		closeSync(descriptor);
		throw readError(label, error);
	}
	if (stats.isFile()) return descriptor;
	closeSync(descriptor);
	throw new DatasetError(`cannot read ${label}: ${kindOf(stats)}, not a page file`);
}

/** Runs `read` on an open regular file of at most `limit` bytes. */
function withRegularFile<T>(path: PathLike, label: string, limit: number, read: (descriptor: number, size: number) => T): T {
	const descriptor = openRegularFile(path, label);
	try {
		const {size} = fstatSync(descriptor);
		if (size > limit) throw overLimit(label, size);
		return read(descriptor, size);
	} catch (error) {
		throw error instanceof DatasetError ? error : readError(label, error);
	} finally {
		closeSync(descriptor);
	}
}

/** The bytes of a regular file, at most PAGE_LIMIT_BYTES (or `limit`) of them. */
export function readFileBounded(path: PathLike, label: string, limit = PAGE_LIMIT_BYTES): Buffer {
	return withRegularFile(path, label, limit, (descriptor, size) => {
		// The file may grow while it is read: one byte more than the limit tells.
		const buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
		let length = 0;
		for (;;) {
			const read = readSync(descriptor, buffer, length, buffer.length - length, null);
			if (read === 0) break;
			length += read;
			if (length === buffer.length) {
				if (length > limit) throw overLimit(label);
				break;
			}
		}
		return buffer.subarray(0, length);
	});
}

/** The first bytes of a regular file, as many as `buffer` holds (fewer when it is shorter), for a head read. */
export function readFileHead(path: PathLike, label: string, buffer: Buffer): Buffer {
	return withRegularFile(path, label, PAGE_LIMIT_BYTES, (descriptor) => buffer.subarray(0, readSync(descriptor, buffer, 0, buffer.length, 0)));
}

/**
 * A named pipe as a stream. Opening waits for a writer, as `cat` does; reading then goes through
 * the event loop, not a worker thread blocked in read(), which would keep the process from exiting
 * when the user quits while the pipe is still open.
 */
export function openPipe(path: PathLike): NodeJS.ReadableStream {
	const descriptor = openSync(path, 'r');
	return new Socket({fd: descriptor, readable: true, writable: false});
}

/**
 * Every byte of a stream (standard input, a pipe), however slowly it comes, up to the limit. Past
 * the limit the stream is let go and the read fails: nothing larger is a page.
 */
export async function readStreamBounded(stream: NodeJS.ReadableStream, label: string, limit = PAGE_LIMIT_BYTES): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer | string>) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			length += bytes.length;
			if (length > limit) throw overLimit(label);
			chunks.push(bytes);
		}
	} catch (error) {
		throw error instanceof DatasetError ? error : readError(label, error);
	} finally {
		(stream as NodeJS.ReadableStream & {destroy?: () => void}).destroy?.();
	}
	return Buffer.concat(chunks, length);
}

// Bytes from a crawl come in whatever encoding the site used. UTF-8 is tried first (strictly, so a
// stray Latin-1 byte is noticed), UTF-16 is recognised by its byte-order mark, and anything that is
// not valid UTF-8 is read as Windows-1252, which keeps a lone `£` byte a `£` instead of U+FFFD.

const utf8 = new TextDecoder('utf-8', {fatal: true});
const windows1252 = new TextDecoder('windows-1252');

export function decodeBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	try {
		return utf8.decode(bytes);
	} catch {
		return windows1252.decode(bytes);
	}
}

const SAMPLE_BYTES = 8192;

function isTextControl(byte: number): boolean {
	// Tab, newline, carriage return, form feed and ESC appear in real text files.
	return byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c || byte === 0x1b;
}

/** A file is binary when its first 8 KB hold more than 1% NUL bytes or more than 10% other control bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return false;
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
	const length = Math.min(bytes.length, SAMPLE_BYTES);
	if (length === 0) return false;
	let nul = 0;
	let control = 0;
	for (let i = 0; i < length; i++) {
		const byte = bytes[i]!;
		if (byte === 0) nul++;
		else if ((byte < 0x20 && !isTextControl(byte)) || byte === 0x7f) control++;
	}
	return nul / length > 0.01 || control / length > 0.1;
}

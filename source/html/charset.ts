// The encoding of an HTML page, in the order browsers use: a byte-order mark, the charset the
// HTTP response declared (WARC records carry it), a `<meta charset>` or `http-equiv` declaration in
// the first 1024 bytes, and else a guess from the bytes themselves (see text/decode.ts).
import {decodeBytes, detectEncoding} from '../text/decode';

const PRESCAN_BYTES = 1024;

// WHATWG maps these labels to windows-1252, which decodeBytes reads right (Node reads it as Latin-1).
const WINDOWS_1252 = new Set(['ascii', 'us-ascii', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'cp1252', 'windows-1252', 'x-cp1252', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1']);

/** The label a browser would act on, checked against what this Node can decode; else undefined. */
export function encodingLabel(label: string | undefined, inPage = true): string | undefined {
	const name = label?.trim().replace(/^["']|["']$/g, '').toLowerCase();
	if (!name) return undefined;
	if (WINDOWS_1252.has(name)) return 'windows-1252';
	// A page that says UTF-16 in its own bytes cannot be UTF-16 (HTML's rule): it is read as UTF-8.
	// An HTTP header can say so.
	if (name === 'utf-16' || name === 'utf-16le' || name === 'utf-16be') return inPage ? 'utf-8' : name === 'utf-16be' ? 'utf-16be' : 'utf-16le';
	try {
		return new TextDecoder(name).encoding;
	} catch {
		return undefined;
	}
}

/** The charset parameter of a Content-Type header value. */
export function charsetOfContentType(value: string | undefined): string | undefined {
	return value ? /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(value)?.[2] : undefined;
}

/** The charset declared by a meta element in the page's first 1024 bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
	const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
	for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
		const tag = meta[0];
		const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
		if (direct && !/http-equiv/i.test(tag)) return direct[1];
		if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
			const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2];
			const charset = charsetOfContentType(content) ?? (content ? /charset=([^\s;]+)/i.exec(content)?.[1] : undefined);
			if (charset) return charset;
		}
	}
	return undefined;
}

const hasBom = (bytes: Uint8Array) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/** The encoding a browser would read the page in: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, or another label TextDecoder knows. */
export function htmlEncoding(bytes: Uint8Array, httpCharset?: string): string {
	if (hasBom(bytes)) return detectEncoding(bytes);
	const label = encodingLabel(httpCharset, false) ?? encodingLabel(declaredCharset(bytes));
	// A page that says UTF-8 but is not is common (a Latin-1 page under a template's declaration):
	// the bytes are trusted over the label then, as for text pages.
	if (label === undefined || label === 'utf-8') return detectEncoding(bytes);
	return label;
}

/** Bytes in an encoding htmlEncoding gave. */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
	if (encoding === 'utf-8' || encoding === 'windows-1252' || encoding === 'utf-16le' || encoding === 'utf-16be') return decodeBytes(bytes, encoding);
	return new TextDecoder(encoding).decode(bytes);
}

/** The page's text, decoded as a browser would decode it. */
export function decodeHtml(bytes: Uint8Array, httpCharset?: string): string {
	return decodeAs(bytes, htmlEncoding(bytes, httpCharset));
}

// Encodings in which an ASCII character is not its own byte, or an ASCII byte may be part of
// another character: UTF-16, and ISO-2022-JP, whose Japanese text is written in ASCII bytes (the
// character 次 is the bytes `<!`). Every other encoding a browser knows keeps '<' and '>' apart.
const ASCII_UNSAFE = new Set(['utf-16le', 'utf-16be', 'iso-2022-jp']);

/**
 * The page's bytes in an encoding where each ASCII character is one byte, and that encoding: the
 * page's own, or UTF-8 for a page in one of the encodings above. A listing reads them as a string
 * of bytes (Latin-1: one character a byte, made without decoding; a "byteText" string, see
 * without-scripts.ts) and decodes only the parts it reads: scanning that string for tags finds
 * the same tags as the decoded text, in a fraction of the time.
 */
export function byteView(bytes: Uint8Array, pageEncoding: string): {bytes: Uint8Array; encoding: string} {
	if (ASCII_UNSAFE.has(pageEncoding)) return {bytes: Buffer.from(decodeAs(bytes, pageEncoding), 'utf8'), encoding: 'utf-8'};
	return {bytes, encoding: pageEncoding};
}

/** Part of a byteText string, decoded. */
// Text in the bytes below 0x80 reads the same in UTF-8 and windows-1252 as in Latin-1: most of a
// page's tags, which a listing decodes one by one, need no decoding.
const ASCII = /^[\u0000-\u007f]*$/;
export const decodePart = (part: string, encoding: string) => ((encoding === 'utf-8' || encoding === 'windows-1252') && ASCII.test(part) ? part : decodeAs(Buffer.from(part, 'latin1'), encoding));

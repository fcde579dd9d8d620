// The encoding of an HTML page, in the order browsers use: a byte-order mark, the charset the
// HTTP response declared (WARC records carry it), a `<meta charset>` or `http-equiv` declaration in
// the first 1024 bytes, and else a guess from the bytes themselves (see text/decode.ts).
import {decodeBytes, detectEncoding} from '../text/decode';

const PRESCAN_BYTES = 1024;

// WHATWG maps these labels to windows-1252, which decodeBytes reads right (Node reads it as Latin-1).
const WINDOWS_1252 = new Set(['ascii', 'us-ascii', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'cp1252', 'windows-1252', 'x-cp1252', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1']);

/** The label a browser would act on, checked against what this Node can decode; else undefined. */
export function encodingLabel(label: string | undefined): string | undefined {
	const name = label?.trim().replace(/^["']|["']$/g, '').toLowerCase();
	if (!name) return undefined;
	if (WINDOWS_1252.has(name)) return 'windows-1252';
	// A page that says UTF-16 in its own bytes cannot be UTF-16 (HTML's rule): it is read as UTF-8.
	if (name === 'utf-16' || name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
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

/** The page's text, decoded as a browser would decode it. */
export function decodeHtml(bytes: Uint8Array, httpCharset?: string): string {
	if ((bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeBytes(bytes);
	const label = encodingLabel(httpCharset) ?? encodingLabel(declaredCharset(bytes));
	// A page that says UTF-8 but is not is common (a Latin-1 page under a template's declaration):
	// the bytes are trusted over the label then, as for text pages.
	if (label === undefined || label === 'utf-8') return decodeBytes(bytes, detectEncoding(bytes));
	if (label === 'windows-1252') return decodeBytes(bytes, 'windows-1252');
	return new TextDecoder(label).decode(bytes);
}

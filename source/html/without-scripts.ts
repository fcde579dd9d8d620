// A page without the elements that never hold article text — scripts, styles, templates, SVG —
// and its comments: what both the scan of a listing (head.ts) and the parser of an oversized page
// (dom.ts) read.
//
// It is read from the page's bytes and gives the rest as a byteText string (see charset.ts: one
// character a byte). On news pages these elements are more than half of the bytes (56 % on the
// benchmark pages): made from the bytes, the string a listing scans is less than half as long, and
// the parts left out are never copied. Each element is found from its opening to its closing: one
// regular expression with a back-reference cost several times as much on a large page.

const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const DASH = 0x2d;
const CLOSING = Buffer.from('</');
const COMMENT_END = Buffer.from('-->');
const JSON_LD = /application\/ld\+json/i;

// The elements whose content is never text, by name, lower case.
const ELEMENTS = ['script', 'style', 'noscript', 'template', 'svg'].map((name) => ({name, bytes: Buffer.from(name)}));
type Element = (typeof ELEMENTS)[number];

// A character of \w, for the \b after a tag's name: names are ASCII, and so is \w without the u flag.
const isWordByte = (byte: number | undefined) => byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f);
/** White space as \s reads it in a byteText string, whose characters are all below U+0100. */
export const isSpaceByte = (byte: number | undefined) => byte === 0x20 || (byte !== undefined && byte >= 0x09 && byte <= 0x0d) || byte === 0xa0;

/** The bytes at `at` spell `name` (lower-case ASCII letters) in either case. */
function spells(bytes: Uint8Array, at: number, name: Uint8Array): boolean {
	if (at + name.length > bytes.length) return false;
	// Setting bit 5 lowers an ASCII capital, and maps no other byte onto a lower-case letter.
	for (let i = 0; i < name.length; i++) if ((bytes[at + i]! | 0x20) !== name[i]) return false;
	return true;
}

type Opening = {element?: Element; end: number};

/**
 * What opens at the '<' at `at`: a comment (`<!--`), or one of ELEMENTS as `/<name\b[^>]*>/i`
 * reads it, which ends at the first '>' after it (none past `lastClose`, the page's last '>').
 */
function openingAt(bytes: Uint8Array, at: number, lastClose: number): Opening | undefined {
	if (bytes[at + 1] === BANG) return bytes[at + 2] === DASH && bytes[at + 3] === DASH ? {end: at + 4} : undefined;
	if (at > lastClose) return undefined;
	// Most tags are none of these: their first letter (s, n or t) says so before any name is spelled.
	const first = bytes[at + 1]! | 0x20;
	if (first !== 0x73 && first !== 0x6e && first !== 0x74) return undefined;
	for (const element of ELEMENTS) {
		const after = at + 1 + element.bytes.length;
		if (spells(bytes, at + 1, element.bytes) && !isWordByte(bytes[after])) return {element, end: bytes.indexOf(GT, after) + 1};
	}
	return undefined;
}

/** The closing of `element` (as `/<\/name\s*>/i` reads it) at or after `from`: where it starts and ends. */
function closingOf(bytes: Buffer, element: Element, from: number, lastClose: number): {at: number; end: number} | undefined {
	for (let at = bytes.indexOf(CLOSING, from); at !== -1 && at < lastClose; at = bytes.indexOf(CLOSING, at + 1)) {
		if (!spells(bytes, at + 2, element.bytes)) continue;
		let end = at + 2 + element.bytes.length;
		while (isSpaceByte(bytes[end])) end++;
		if (bytes[end] === GT) return {at, end: end + 1};
	}
	return undefined;
}

/**
 * The page's bytes without elements that never hold article text, as views of them, keeping
 * JSON-LD metadata scripts; the texts of those are also handed to `jsonLd` (as byteText strings),
 * when given, so no second scan looks for them. The same as those elements cut out of the page's
 * Latin-1 string by the patterns above (test/markup-scan.test.ts holds it to them).
 */
export function partsWithoutScripts(page: Uint8Array, jsonLd?: string[]): Buffer[] {
	const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
	const lastClose = bytes.lastIndexOf(GT);
	const kept: Buffer[] = [];
	let from = 0;
	for (let at = bytes.indexOf(LT, from); at !== -1; at = bytes.indexOf(LT, at + 1)) {
		const opening = openingAt(bytes, at, lastClose);
		if (!opening) continue;
		const {element} = opening;
		// An element never closed runs to the page's end, as in a browser.
		let closed;
		if (element) closed = closingOf(bytes, element, opening.end, lastClose);
		else {
			const end = bytes.indexOf(COMMENT_END, opening.end);
			closed = end === -1 ? undefined : {at: end, end: end + COMMENT_END.length};
		}
		const end = closed ? closed.end : bytes.length;
		const keep = element?.name === 'script' && JSON_LD.test(bytes.toString('latin1', at, opening.end));
		if (keep && closed && jsonLd) jsonLd.push(bytes.toString('latin1', opening.end, closed.at));
		kept.push(bytes.subarray(from, keep ? end : at));
		from = end;
		at = end - 1;
	}
	kept.push(bytes.subarray(from));
	return kept;
}

/** The page's bytes without those elements (see partsWithoutScripts), as a byteText string. */
export function withoutScripts(page: Uint8Array, jsonLd?: string[]): string {
	// Added up, not joined: V8 keeps the sum as a rope and copies it once, when it is first
	// searched, which took half the time of a join on the benchmark pages.
	let text = '';
	for (const part of partsWithoutScripts(page, jsonLd)) text += part.toString('latin1');
	return text;
}

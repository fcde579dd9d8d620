// Page text is untrusted. Before any of it reaches a terminal, every escape sequence and control
// character goes: a page must not be able to set the window title, write the clipboard (OSC 52),
// plant hyperlinks (OSC 8), move the cursor, clear the screen or reorder text with bidi controls.

// ESC-introduced sequences: CSI (ESC [ … final byte), string sequences OSC, DCS, SOS, PM, APC
// (ESC ] P X ^ _ … up to BEL or ST, or to the end of the text when unterminated), and two-byte
// escapes. The C1 forms (U+009B for CSI, U+009D for OSC, …) are matched the same way.
const SEQUENCES =
	/(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;

// C0 controls but newline and tab, DEL, C1 controls, and the bidi embedding, override and isolate
// controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A one-line message for stderr: untrusted parts (file names, ids) cannot drive the terminal. */
export function diagnostic(message: string): string {
	return `docbao: ${sanitizeForTerminal(message).replace(/\n/g, ' ')}\n`;
}

/** The text with escape sequences and control characters removed, and tabs as spaces. Newlines stay. */
export function sanitizeForTerminal(text: string): string {
	if (!UNSAFE.test(text) && !text.includes('\t')) return text;
	return text.replace(SEQUENCES, '').replace(CONTROLS, '').replaceAll('\t', ' ');
}

// JSON.stringify escapes C0 controls but leaves DEL, C1, the bidi controls and the line and
// paragraph separators raw; a terminal that prints the JSON would act on them.
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function stringifyJsonSafe(value: unknown): string {
	return JSON.stringify(value).replace(
		RAW_IN_JSON,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

// The mouse, as terminals report it in SGR mode (1006): `ESC [ < button ; column ; row M` for a
// press, `m` for a release. Only presses of the left button and the wheel matter to the reader.

export const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
export const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

export type MouseEvent = {button: 'wheelUp' | 'wheelDown' | 'left'; x: number; y: number};

const REPORT = /\u001b?\[<(\d+);(\d+);(\d+)([Mm])/g;

/**
 * Whether a key event is mouse reports (Ink hands them over as text, its ESC taken off), in SGR
 * form or the older X10 one (`ESC [ M` and three bytes) of a terminal without SGR mode: those are
 * dropped, never typed.
 */
export const isMouseReport = (input: string) => /^\u001b?\[<\d+;\d+;\d+[Mm]/.test(input) || /^\u001b?\[M[\s\S]{3}/.test(input);

/** The reports in a chunk of input, with columns and rows counted from 0. */
export function mouseEvents(input: string): MouseEvent[] {
	const events: MouseEvent[] = [];
	for (const [, code, column, row, kind] of input.matchAll(REPORT)) {
		if (kind !== 'M') continue;
		const button = Number(code);
		// Bits 2–4 are the modifier keys and 32 a drag: a plain press of the left button or the wheel only.
		const base = button & ~(4 | 8 | 16);
		const event = base === 64 ? 'wheelUp' : base === 65 ? 'wheelDown' : base === 0 ? 'left' : undefined;
		if (event) events.push({button: event, x: Number(column) - 1, y: Number(row) - 1});
	}
	return events;
}

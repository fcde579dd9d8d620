// The progress line of a long indexing, for stderr on a terminal: count, rate and time left.
import {groupDigits} from '../text/digits';

const clock = (seconds: number) => {
	const whole = Math.max(0, Math.round(seconds));
	return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

/** One line, at most `width` columns: a bar, `done/total files`, the rate, and the time left. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number, width: number): string {
	const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
	const left = rate > 0 ? clock((total - done) / rate) : '–';
	const counts = `${groupDigits(done, ',')}/${groupDigits(total, ',')} files · ${groupDigits(Math.round(rate), ',')}/s · ${left} left`;
	const barWidth = Math.max(0, Math.min(30, width - label.length - counts.length - 4));
	const filled = total > 0 ? Math.round((done / total) * barWidth) : 0;
	const bar = barWidth > 0 ? ` ${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}` : '';
	return `${label}${bar} ${counts}`.slice(0, Math.max(0, width - 1));
}

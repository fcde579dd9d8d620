import {Text} from 'ink';
import type {TextStyle} from '../../config/theme';
import {textWidth} from '../../text/width';
import {truncateText} from '../../text/wrap';

/** The bottom row: where the reader is on the left, the main keys (or a notice) on the right. */
export function StatusLine({left, right, width, muted}: {left: string; right: string; width: number; muted: TextStyle}) {
	const shownLeft = truncateText(left, width);
	const room = width - textWidth(shownLeft) - 2;
	const shownRight = room >= 8 ? truncateText(right, room) : '';
	const gap = Math.max(0, width - textWidth(shownLeft) - textWidth(shownRight));
	return (
		<Text wrap="truncate-end">
			<Text inverse>{shownLeft}</Text>
			{' '.repeat(gap)}
			<Text {...muted}>{shownRight}</Text>
		</Text>
	);
}

import {Text} from 'ink';
import type {Theme} from '../../config/theme';
import {truncateText} from '../../text/wrap';

/** A pane's one-line heading; the focused pane's is drawn in reverse video. */
export function PaneHeading({text, width, focused, theme}: {text: string; width: number; focused: boolean; theme: Theme}) {
	const label = truncateText(` ${text} `, width);
	const rule = '─'.repeat(Math.max(0, width - label.length));
	return (
		<Text wrap="truncate-end">
			<Text bold inverse={focused} color={focused ? theme.accent.color : undefined}>
				{label}
			</Text>
			<Text {...theme.muted}>{rule}</Text>
		</Text>
	);
}

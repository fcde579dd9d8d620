import {Text} from 'ink';
import {truncateText} from '../../text/wrap';

/** A pane's one-line heading; the focused pane's is drawn in reverse video. */
export function PaneHeading({text, width, focused}: {text: string; width: number; focused: boolean}) {
	const label = truncateText(` ${text} `, width);
	const rule = '─'.repeat(Math.max(0, width - label.length));
	return (
		<Text wrap="truncate-end">
			<Text bold inverse={focused} color={focused ? 'cyan' : undefined}>
				{label}
			</Text>
			<Text dimColor>{rule}</Text>
		</Text>
	);
}

import {Box, Text} from 'ink';
import type {Theme} from '../../config/theme';
import {displayText} from '../../text/display';
import {truncateText} from '../../text/wrap';
import type {Messages} from '../messages';

type Props = {name: string; done: number; total: number; width: number; text: Messages; theme: Theme};

export function LoadingScreen({name, done, total, width, text, theme}: Props) {
	const barWidth = Math.max(0, Math.min(40, width - 2));
	const filled = total > 0 ? Math.round((done / total) * barWidth) : 0;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-end">{truncateText(text.loading.reading(displayText(name)), width)}</Text>
			<Text wrap="truncate-end">{truncateText(total > 0 ? text.loading.pages(done, total) : text.loading.looking, width)}</Text>
			{barWidth > 0 && <Text color={theme.accent.color}>{'█'.repeat(filled) + '░'.repeat(barWidth - filled)}</Text>}
		</Box>
	);
}

import {Box, Text} from 'ink';
import {displayText} from '../../text/display';
import {truncateText} from '../../text/wrap';

export function LoadingScreen({name, done, total, width}: {name: string; done: number; total: number; width: number}) {
	const barWidth = Math.max(0, Math.min(40, width - 2));
	const filled = total > 0 ? Math.round((done / total) * barWidth) : 0;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-end">{truncateText(`Reading ${displayText(name)}…`, width)}</Text>
			<Text wrap="truncate-end">{truncateText(total > 0 ? `${done} of ${total} pages` : 'looking for pages', width)}</Text>
			{barWidth > 0 && <Text color="cyan">{'█'.repeat(filled) + '░'.repeat(barWidth - filled)}</Text>}
		</Box>
	);
}

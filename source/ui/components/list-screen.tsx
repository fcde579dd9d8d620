import {Box, Text} from 'ink';
import type {Entry} from '../../dataset/load';
import {displayText} from '../../text/display';
import {truncateText} from '../../text/wrap';

type Props = {
	/** The rows on screen, from `top` on. */
	entries: Entry[];
	/** How many pass the filter, and how many there are. */
	count: number;
	total: number;
	selected: number;
	top: number;
	width: number;
	height: number;
	filter: string;
	editing: boolean;
	datasetName: string;
};

const DATE_COLUMNS = 10;

function row(entry: Entry, width: number): string {
	const date = (entry.published ?? '').slice(0, DATE_COLUMNS).padEnd(DATE_COLUMNS);
	const title = displayText(entry.title || entry.id);
	return truncateText(`${date}  ${title}`, width);
}

/** The article list: a heading with the filter, then one row per article, the selection in reverse video. */
export function ListScreen({entries, count, total, selected, top, width, height, filter, editing, datasetName}: Props) {
	const heading = editing || filter
		? `/${displayText(filter)}${editing ? '▏' : ''}  ${count} of ${total}`
		: `${displayText(datasetName)} · ${total} article${total === 1 ? '' : 's'}`;
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold color={editing ? 'cyan' : undefined} wrap="truncate-end">
				{truncateText(heading, width)}
			</Text>
			{count === 0 ? (
				<Text dimColor>{total === 0 ? 'No articles in this dataset.' : 'No article matches the filter (Esc clears it).'}</Text>
			) : (
				entries.slice(0, height).map((entry, index) => (
					<Text key={entry.id} inverse={top + index === selected} wrap="truncate-end">
						{row(entry, width)}
					</Text>
				))
			)}
		</Box>
	);
}

import {Box, Text} from 'ink';
import type {Entry} from '../../dataset/load';
import type {Snippet} from '../../dataset/index/snippet';
import {displayText} from '../../text/display';
import {truncateText} from '../../text/wrap';
import type {Found} from '../model';

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
	found: Found | null;
};

const DATE_COLUMNS = 10;

function row(entry: Entry, width: number): string {
	const date = (entry.published ?? '').slice(0, DATE_COLUMNS).padEnd(DATE_COLUMNS);
	const title = displayText(entry.title || entry.id);
	return truncateText(`${date}  ${title}`, width);
}

/**
 * A search result's row: its date and title, then its snippet, dim, with the words searched for
 * underlined. Only what fits the width is drawn.
 */
function ResultRow({entry, snippet, width, selected}: {entry: Entry; snippet: Snippet; width: number; selected: boolean}) {
	const head = row(entry, width);
	const room = width - head.length - 3;
	if (room < 10) return <Text inverse={selected} wrap="truncate-end">{head}</Text>;
	// The row is narrower than the snippet: it starts a little before the first match.
	const first = snippet.matches[0]?.start ?? 0;
	const cut = first > room / 3 ? Math.max(0, snippet.text.lastIndexOf(' ', first - 8) + 1) : 0;
	const own = cut > 0 ? `…${snippet.text.slice(cut)}` : snippet.text;
	const shift = cut > 0 ? cut - 1 : 0;
	const matches = snippet.matches.filter((match) => match.start >= cut).map((match) => ({start: match.start - shift, end: match.end - shift}));
	const text = displayText(own);
	const shown = truncateText(text, room);
	const parts = [];
	let at = 0;
	for (const [index, match] of matches.entries()) {
		// Highlights stand where the display text is the snippet's own (no control characters dropped).
		if (text !== own || match.start >= shown.length) break;
		const end = Math.min(match.end, shown.length);
		if (match.start > at) parts.push(<Text key={`t${index}`}>{shown.slice(at, match.start)}</Text>);
		parts.push(<Text key={`m${index}`} underline bold>{shown.slice(match.start, end)}</Text>);
		at = end;
	}
	if (at < shown.length) parts.push(<Text key="rest">{shown.slice(at)}</Text>);
	return (
		<Text inverse={selected} wrap="truncate-end">
			{head}
			<Text dimColor> · {parts}</Text>
		</Text>
	);
}

/** The article list: a heading with the filter, then one row per article, the selection in reverse video. */
export function ListScreen({entries, count, total, selected, top, width, height, filter, editing, datasetName, found}: Props) {
	const heading = found
		? `search “${displayText(found.query)}”: ${count} result${count === 1 ? '' : 's'} (Esc: the whole list)`
		: editing || filter
			? `/${displayText(filter)}${editing ? '▏' : ''}  ${count} of ${total}`
			: `${displayText(datasetName)} · ${total} article${total === 1 ? '' : 's'}`;
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold color={editing ? 'cyan' : undefined} wrap="truncate-end">
				{truncateText(heading, width)}
			</Text>
			{count === 0 ? (
				<Text dimColor>{found ? 'No article holds all of these words (Esc: the whole list).' : total === 0 ? 'No articles in this dataset.' : 'No article matches the filter (Esc clears it).'}</Text>
			) : (
				entries.slice(0, height).map((entry, index) => {
					const snippet = found?.snippets.get(entry.id);
					return snippet ? (
						<ResultRow key={entry.id} entry={entry} snippet={snippet} width={width} selected={top + index === selected} />
					) : (
						<Text key={entry.id} inverse={top + index === selected} wrap="truncate-end">
							{row(entry, width)}
						</Text>
					);
				})
			)}
		</Box>
	);
}

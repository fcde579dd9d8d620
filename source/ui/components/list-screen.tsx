import {Box, Text} from 'ink';
import type {Theme} from '../../config/theme';
import type {Entry} from '../../dataset/load';
import type {Snippet} from '../../dataset/index/snippet';
import {displayText} from '../../text/display';
import {truncateText} from '../../text/wrap';
import type {Messages} from '../messages';
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
	isRead: (id: string) => boolean;
	isBookmarked: (id: string) => boolean;
	text: Messages;
	theme: Theme;
};

const DATE_COLUMNS = 10;

/** A row: the bookmark mark, the date and the title. */
function row(entry: Entry, width: number, bookmark: boolean): string {
	const date = (entry.published ?? '').slice(0, DATE_COLUMNS).padEnd(DATE_COLUMNS);
	const title = displayText(entry.title || entry.id);
	return truncateText(`${date} ${bookmark ? '*' : ' '} ${title}`, width);
}

/**
 * A search result's row: its date and title, then its snippet, dim, with the words searched for
 * underlined. Only what fits the width is drawn.
 */
function ResultRow({entry, snippet, width, selected, bookmark, unread, theme}: {entry: Entry; snippet: Snippet; width: number; selected: boolean; bookmark: boolean; unread: boolean; theme: Theme}) {
	const head = row(entry, width, bookmark);
	const room = width - head.length - 3;
	if (room < 10) return <Text inverse={selected} bold={unread} wrap="truncate-end">{head}</Text>;
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
			<Text bold={unread}>{head}</Text>
			<Text {...theme.muted}> · {parts}</Text>
		</Text>
	);
}

function heading({found, editing, filter, count, total, datasetName, text}: Props): string {
	if (found?.kind === 'bookmarks') return text.list.bookmarksHeading(count);
	if (found) return text.list.searchHeading(displayText(found.query), count);
	if (editing || filter) return text.list.filterHeading(`${displayText(filter)}${editing ? '▏' : ''}`, count, total);
	return text.list.datasetHeading(displayText(datasetName), total);
}

function emptyText({found, total, text}: Props): string {
	if (found?.kind === 'bookmarks') return text.list.noBookmarks;
	if (found) return text.list.noResults;
	return total === 0 ? text.list.noArticles : text.list.noFilterMatch;
}

/** The article list: a heading, then one row per article; unread rows bold, the selection in reverse video. */
export function ListScreen(props: Props) {
	const {entries, count, selected, top, width, height, editing, found, isRead, isBookmarked, theme} = props;
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold {...(editing ? theme.accent : {})} wrap="truncate-end">
				{truncateText(heading(props), width)}
			</Text>
			{count === 0 ? (
				<Text {...theme.muted}>{emptyText(props)}</Text>
			) : (
				entries.slice(0, height).map((entry, index) => {
					const snippet = found?.snippets.get(entry.id);
					const isSelected = top + index === selected;
					const unread = !isRead(entry.id);
					const bookmark = isBookmarked(entry.id);
					return snippet ? (
						<ResultRow key={entry.id} entry={entry} snippet={snippet} width={width} selected={isSelected} bookmark={bookmark} unread={unread} theme={theme} />
					) : (
						<Text key={entry.id} inverse={isSelected} bold={unread} wrap="truncate-end">
							{row(entry, width, bookmark)}
						</Text>
					);
				})
			)}
		</Box>
	);
}

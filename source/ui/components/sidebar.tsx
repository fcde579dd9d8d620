import {Box, Text} from 'ink';
import type {Article} from '../../article/types';
import {summaryLines} from '../../render/layout';
import {relatedLayout} from '../article-layout';
import type {Box as Area} from '../panes';
import {PaneHeading} from './pane-heading';

type Props = {article: Article; area: Area; selected: number; focused: boolean; inDataset: (id: string | null) => boolean};

type Row = {text: string; story: number; first: boolean};

/** The related stories: a mark for those in the dataset, region tag and title, and the selected story's summary. */
export function Sidebar({article, area, selected, focused, inDataset}: Props) {
	const titles = relatedLayout(article, area.width);
	const rows: Row[] = titles.flatMap((lines, story) => lines.map((line, index) => ({text: line.text, story, first: index === 0})));
	const story = article.related[selected];
	const summary = story ? summaryLines(story, area.width) : [];
	const body = Math.max(0, area.height - 1);
	// The list takes what it needs, up to two thirds when a summary is to be shown below it.
	const listRows = Math.min(rows.length, summary.length > 0 ? Math.max(1, Math.ceil((body * 2) / 3)) : body);
	const firstOfSelected = rows.findIndex((row) => row.story === selected);
	const lastOfSelected = rows.findLastIndex((row) => row.story === selected);
	let top = 0;
	if (lastOfSelected >= listRows) top = Math.min(firstOfSelected, lastOfSelected - listRows + 1);
	const summaryRows = Math.max(0, body - listRows - 1);
	return (
		<Box flexDirection="column" width={area.width} height={area.height}>
			<PaneHeading text={`Related stories (${article.related.length})`} width={area.width} focused={focused} />
			{rows.slice(top, top + listRows).map((row, index) => {
				const mark = row.first && inDataset(article.related[row.story]!.id) ? '● ' : '  ';
				const isSelected = row.story === selected;
				return (
					<Text key={top + index} inverse={isSelected && focused} bold={isSelected && !focused} wrap="truncate-end">
						{(row.first ? mark : '  ') + row.text}
					</Text>
				);
			})}
			{summaryRows > 0 && summary.length > 0 && (
				<>
					<Text dimColor>{'─'.repeat(area.width)}</Text>
					{summary.slice(0, summaryRows).map((line, index) => (
						<Text key={`s${index}`} wrap="truncate-end">
							{line.text}
						</Text>
					))}
				</>
			)}
		</Box>
	);
}

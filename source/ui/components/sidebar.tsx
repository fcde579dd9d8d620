import {Box, Text} from 'ink';
import type {Article} from '../../article/types';
import type {Theme} from '../../config/theme';
import {sidebarLayout} from '../article-layout';
import type {Box as Area} from '../panes';
import {PaneHeading} from './pane-heading';

type Props = {article: Article; area: Area; selected: number; focused: boolean; inDataset: (id: string | null) => boolean; heading: string; theme: Theme};

/** The related stories: a mark for those in the dataset, region tag and title, and the selected story's summary. */
export function Sidebar({article, area, selected, focused, inDataset, heading, theme}: Props) {
	const {rows, top, listRows, summary, summaryRows} = sidebarLayout(article, area.width, area.height, selected);
	return (
		<Box flexDirection="column" width={area.width} height={area.height}>
			<PaneHeading text={heading} width={area.width} focused={focused} theme={theme} />
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
					<Text {...theme.muted}>{'─'.repeat(area.width)}</Text>
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

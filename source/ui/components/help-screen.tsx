import {Box, Text} from 'ink';
import type {Theme} from '../../config/theme';
import {truncateText} from '../../text/wrap';
import type {HelpLine} from '../help-layout';

type Props = {title: string; lines: HelpLine[]; top: number; width: number; height: number; theme: Theme};

/** The keys in force, grouped and wrapped to the width; only the rows on screen are drawn, from `top`. */
export function HelpScreen({title, lines, top, width, height, theme}: Props) {
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold wrap="truncate-end">
				{truncateText(title, width)}
			</Text>
			{lines.slice(top, top + height).map((line, index) => (
				<Text key={top + index} {...(line.heading ? theme.accent : {})} wrap="truncate-end">
					{line.text || ' '}
				</Text>
			))}
		</Box>
	);
}

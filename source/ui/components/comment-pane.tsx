import {Box} from 'ink';
import type {TextLayout} from '../article-layout';
import {LineView} from './styled-line';
import {PaneHeading} from './pane-heading';

type Props = {layout: TextLayout; top: number; width: number; height: number; count: number; focused: boolean};

export function CommentPane({layout, top, width, height, count, focused}: Props) {
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<PaneHeading text={`Comments (${count})`} width={width} focused={focused} />
			{layout.lines.slice(top, top + height).map((line, index) => (
				<LineView key={top + index} line={line} />
			))}
		</Box>
	);
}

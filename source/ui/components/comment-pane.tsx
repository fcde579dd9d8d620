import {Box} from 'ink';
import type {Theme} from '../../config/theme';
import type {TextLayout} from '../article-layout';
import {LineView} from './styled-line';
import {PaneHeading} from './pane-heading';

type Props = {layout: TextLayout; top: number; width: number; height: number; heading: string; focused: boolean; theme: Theme};

export function CommentPane({layout, top, width, height, heading, focused, theme}: Props) {
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<PaneHeading text={heading} width={width} focused={focused} theme={theme} />
			{layout.lines.slice(top, top + height).map((line, index) => (
				<LineView key={top + index} line={line} theme={theme} />
			))}
		</Box>
	);
}

import {Box, Text} from 'ink';
import type {Theme} from '../../config/theme';
import {findFolded, foldQuery} from '../../text/fold';
import type {ArticleView} from '../model';
import {LineView} from './styled-line';

type Props = {view: ArticleView; query: string; currentMatch: number | null; theme: Theme; link?: string; hyperlinks?: boolean};

/** Only the visible window of the wrapped article is rendered, whatever the article's length. */
export function ArticlePane({view, query, currentMatch, theme, link, hyperlinks}: Props) {
	const folded = query ? foldQuery(query) : '';
	const visible = view.layout.lines.slice(view.top, view.top + view.height);
	return (
		<Box flexDirection="column" width={view.width} height={view.height}>
			{visible.map((line, index) => {
				const number = view.top + index;
				return (
					<LineView
						key={number}
						line={line}
						theme={theme}
						link={line.style === 'link' ? link : undefined}
						hyperlinks={hyperlinks}
						highlights={folded ? findFolded(line.text, folded) : undefined}
						current={number === currentMatch}
					/>
				);
			})}
		</Box>
	);
}

export function PanePlaceholder({width, height, text, theme}: {width: number; height: number; text: string; theme: Theme}) {
	return (
		<Box width={width} height={height}>
			<Text {...theme.muted} wrap="truncate-end">
				{text}
			</Text>
		</Box>
	);
}

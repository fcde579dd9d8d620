import {Text} from 'ink';
import type {LineStyle, StyledLine} from '../../render/layout';
import type {Range} from '../../text/fold';

type TextStyle = {bold?: boolean; dimColor?: boolean; italic?: boolean; underline?: boolean; color?: string};

const STYLES: Record<LineStyle, TextStyle> = {
	title: {bold: true},
	kicker: {color: 'cyan'},
	date: {dimColor: true},
	lead: {bold: true},
	paragraph: {},
	caption: {dimColor: true, italic: true},
	quote: {italic: true, color: 'yellow'},
	heading: {bold: true, underline: true},
	story: {},
	summary: {},
	'comment-head': {color: 'cyan', bold: true},
	comment: {},
	blank: {},
};

type Props = {line: StyledLine; highlights?: Range[]; current?: boolean; inverse?: boolean};

/** One pre-wrapped line, styled, with search matches shown in reverse video. */
export function LineView({line, highlights, current, inverse}: Props) {
	const style = STYLES[line.style];
	if (!highlights || highlights.length === 0) {
		return (
			<Text {...style} inverse={inverse} wrap="truncate-end">
				{line.text || ' '}
			</Text>
		);
	}
	const parts = [];
	let at = 0;
	for (const [index, range] of highlights.entries()) {
		if (range.start > at) parts.push(<Text key={`t${index}`}>{line.text.slice(at, range.start)}</Text>);
		parts.push(
			<Text key={`m${index}`} inverse backgroundColor={current ? 'yellow' : undefined}>
				{line.text.slice(range.start, range.end)}
			</Text>,
		);
		at = range.end;
	}
	if (at < line.text.length) parts.push(<Text key="rest">{line.text.slice(at)}</Text>);
	return (
		<Text {...style} wrap="truncate-end">
			{parts}
		</Text>
	);
}

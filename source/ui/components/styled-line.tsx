import {Text} from 'ink';
import type {Theme} from '../../config/theme';
import type {StyledLine} from '../../render/layout';
import type {Range} from '../../text/fold';
import {hyperlink} from '../../text/hyperlink';

type Props = {line: StyledLine; theme: Theme; highlights?: Range[]; current?: boolean; inverse?: boolean; link?: string; hyperlinks?: boolean};

/** The line's text with its links' words as terminal hyperlinks. */
function linkedText(line: StyledLine): string {
	let text = '';
	let at = 0;
	for (const {start, end, url} of line.links!) {
		if (start < at) continue;
		text += line.text.slice(at, start) + hyperlink(line.text.slice(start, end), url);
		at = end;
	}
	return text + line.text.slice(at);
}

/**
 * One pre-wrapped line, styled by the theme, with search matches marked. A line that stands for a
 * web address is a terminal hyperlink when `link` is given, and the words of the links in the
 * text are when `hyperlinks` is (the terminal is known to show them).
 */
export function LineView({line, theme, highlights, current, inverse, link, hyperlinks}: Props) {
	const style = theme.lines[line.style];
	if (!highlights || highlights.length === 0) {
		return (
			<Text {...style} inverse={inverse || style.inverse} wrap="truncate-end">
				{link ? hyperlink(line.text, link) : hyperlinks && line.links ? linkedText(line) : line.text || ' '}
			</Text>
		);
	}
	const parts = [];
	let at = 0;
	for (const [index, range] of highlights.entries()) {
		if (range.start > at) parts.push(<Text key={`t${index}`}>{line.text.slice(at, range.start)}</Text>);
		parts.push(
			<Text key={`m${index}`} {...(current ? theme.currentMatch : theme.match)}>
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

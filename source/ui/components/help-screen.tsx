import {Box, Text} from 'ink';
import {keyBindings} from '../keymap';
import {truncateText} from '../../text/wrap';

type Row = {text: string; heading: boolean};

function helpRows(): Row[] {
	const rows: Row[] = [];
	const labels = keyBindings.map((binding) => [...new Set(binding.keys.map((spec) => spec.label))].join(', '));
	const keyColumn = labels.reduce((widest, label) => Math.max(widest, label.length), 0) + 2;
	let group = '';
	for (const [index, binding] of keyBindings.entries()) {
		if (binding.group !== group) {
			group = binding.group;
			rows.push({text: group, heading: true});
		}
		rows.push({text: `  ${labels[index]!.padEnd(keyColumn)}${binding.description}`, heading: false});
	}
	return rows;
}

const ROWS = helpRows();

/** Every key, grouped, drawn from the key map; in as many columns as the height needs. */
export function HelpScreen({width, height}: {width: number; height: number}) {
	const body = Math.max(1, height - 1);
	const columns = Math.ceil(ROWS.length / body);
	const columnWidth = Math.max(1, Math.floor(width / columns));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{truncateText('Keys — press any key to close', width)}
			</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, column) => (
					<Box key={column} flexDirection="column" width={columnWidth}>
						{ROWS.slice(column * body, (column + 1) * body).map((row, index) => (
							<Text key={index} bold={row.heading} color={row.heading ? 'cyan' : undefined} wrap="truncate-end">
								{truncateText(row.text, columnWidth - 1)}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}

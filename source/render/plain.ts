// Plain text for stdout. Colour, when wanted, is added per line after wrapping.
import {Chalk, type ChalkInstance} from 'chalk';
import type {Article} from '../article/types';
import {articleLines, type LineStyle} from './layout';

function styler(chalk: ChalkInstance): Record<LineStyle, (text: string) => string> {
	const same = (text: string) => text;
	return {
		title: chalk.bold,
		kicker: chalk.cyan,
		date: chalk.dim,
		lead: chalk.bold,
		paragraph: same,
		caption: chalk.dim.italic,
		quote: chalk.italic,
		heading: chalk.bold.underline,
		story: chalk.bold,
		summary: same,
		'comment-head': chalk.cyan,
		comment: same,
		link: chalk.underline,
		blank: same,
	};
}

/** `links`: number each link and list the addresses under the article. */
export type PlainOptions = {width: number; color: boolean; links?: boolean};

export function renderPlain(article: Article, {width, color, links}: PlainOptions): string {
	const style = styler(new Chalk({level: color ? 1 : 0}));
	return articleLines(article, width, {links})
		.map((line) => style[line.style](line.text))
		.join('\n');
}

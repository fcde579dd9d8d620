// The reader's themes: the style of each kind of line and of each mark on screen. Colour is the
// theme's; what shows the selection, the matches and the focus (reverse video, bold, underline)
// is the same in every theme, so a theme without colour loses nothing that matters.
import type {LineStyle} from '../render/layout';

export type TextStyle = {bold?: boolean; dimColor?: boolean; italic?: boolean; underline?: boolean; inverse?: boolean; color?: string; backgroundColor?: string};

export type Theme = {
	name: ThemeName;
	lines: Record<LineStyle, TextStyle>;
	/** The list's heading while a filter is typed, and a focused pane's heading. */
	accent: TextStyle;
	/** A search match, and the current one. */
	match: TextStyle;
	currentMatch: TextStyle;
	/** Rules, dates, snippets and other secondary text. */
	muted: TextStyle;
};

export type ThemeName = 'dark' | 'light' | 'mono';

export const THEME_NAMES: readonly ThemeName[] = ['dark', 'light', 'mono'];

const monoLines: Record<LineStyle, TextStyle> = {
	title: {bold: true},
	kicker: {bold: true},
	date: {dimColor: true},
	lead: {bold: true},
	paragraph: {},
	caption: {dimColor: true, italic: true},
	quote: {italic: true},
	heading: {bold: true, underline: true},
	story: {},
	summary: {},
	'comment-head': {bold: true},
	comment: {},
	link: {underline: true, dimColor: true},
	blank: {},
};

const mono: Theme = {
	name: 'mono',
	lines: monoLines,
	accent: {bold: true},
	match: {inverse: true},
	currentMatch: {inverse: true, underline: true, bold: true},
	muted: {dimColor: true},
};

// On a dark background: cyan and yellow read well; on a light one, blue and magenta do.
const dark: Theme = {
	name: 'dark',
	lines: {...monoLines, kicker: {color: 'cyan'}, quote: {italic: true, color: 'yellow'}, 'comment-head': {color: 'cyan', bold: true}},
	accent: {bold: true, color: 'cyan'},
	match: {inverse: true},
	currentMatch: {inverse: true, backgroundColor: 'yellow'},
	muted: {dimColor: true},
};

const light: Theme = {
	name: 'light',
	lines: {...monoLines, kicker: {color: 'blue'}, quote: {italic: true, color: 'magenta'}, 'comment-head': {color: 'blue', bold: true}},
	accent: {bold: true, color: 'blue'},
	match: {inverse: true},
	currentMatch: {inverse: true, backgroundColor: 'magenta'},
	muted: {dimColor: true},
};

const THEMES: Record<ThemeName, Theme> = {dark, light, mono};

/** The theme to draw with: the chosen one, or mono when there is to be no colour. */
export function themeFor(name: ThemeName, color: boolean): Theme {
	return color ? THEMES[name] : mono;
}

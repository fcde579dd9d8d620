// Where each pane goes for a terminal size. Ink 6 clears the whole screen on every frame once the
// frame is as tall as the terminal, so the frame is one row shorter than the terminal.

export type Size = {columns: number; rows: number};
export type Box = {width: number; height: number};

export type Panes = {
	frame: Box;
	/** The article pane, or null when the sidebar stands in its place. */
	article: Box | null;
	sidebar: Box | null;
	/** The comment pane's content, under its one-line heading. */
	comments: Box | null;
	statusLine: boolean;
};

const WIDE_COLUMNS = 100;
const SIDEBAR_MIN = 28;

export function isWide(size: Size): boolean {
	return size.columns >= WIDE_COLUMNS;
}

export function layoutPanes(size: Size, show: {sidebar: boolean; comments: boolean}): Panes {
	const width = Math.max(1, size.columns);
	const rows = Math.max(1, size.rows - 1);
	const statusLine = rows >= 2;
	let mainHeight = rows - (statusLine ? 1 : 0);

	let comments: Box | null = null;
	if (show.comments && mainHeight >= 6) {
		const height = Math.max(3, Math.round(mainHeight / 3));
		comments = {width, height: height - 1};
		mainHeight -= height;
	}

	let article: Box | null = {width, height: mainHeight};
	let sidebar: Box | null = null;
	if (show.sidebar) {
		if (isWide(size)) {
			const sidebarWidth = Math.max(SIDEBAR_MIN, Math.round(width / 3));
			sidebar = {width: sidebarWidth, height: mainHeight};
			article = {width: width - sidebarWidth - 1, height: mainHeight};
		} else {
			sidebar = {width, height: mainHeight};
			article = null;
		}
	}
	return {frame: {width, height: rows}, article, sidebar, comments, statusLine};
}

// Terminal hyperlinks (OSC 8): text that opens its web address when clicked, on terminals that
// show them. The address is page data: only http and https are linked, and every character that
// could end or bend the escape sequence is percent-encoded.

/** The address as it may stand inside an OSC 8 sequence, or undefined when it is not http(s). */
export function linkTarget(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
	return parsed.href.replace(/[^\u0021-\u007e]/g, (character) => encodeURIComponent(character)).replace(/[\u001b\u0007\\]/g, (character) => `%${character.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** Text as a hyperlink to `url`; the text alone when the address cannot be linked. */
export function hyperlink(text: string, url: string): string {
	const target = linkTarget(url);
	return target ? `\u001b]8;;${target}\u0007${text}\u001b]8;;\u0007` : text;
}

/**
 * Whether the terminal is known to show hyperlinks: those that say who they are (iTerm2,
 * WezTerm, VS Code, Windows Terminal, kitty, foot, GNOME's VTE 0.50 and later). Others may print
 * the sequence's text or nothing; they get the address as plain text.
 */
export function terminalShowsLinks(env: NodeJS.ProcessEnv): boolean {
	if (env.TERM === 'dumb') return false;
	if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env.TERM_PROGRAM ?? '')) return true;
	if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.WEZTERM_PANE) return true;
	if (/^(?:xterm-kitty|foot|alacritty|xterm-ghostty)/.test(env.TERM ?? '')) return true;
	return Number(env.VTE_VERSION ?? 0) >= 5000;
}

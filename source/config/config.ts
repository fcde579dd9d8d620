// The user's configuration: `$XDG_CONFIG_HOME/docbao/config.toml`. A file that cannot be used is
// reported with its path, line and key, and docbao runs on the defaults: a typo must not stop the
// reader, nor half-apply.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {THEME_NAMES, type ThemeName} from './theme';
import {docbaoDir} from './xdg';

export type Language = 'en' | 'vi';
export type Hyperlinks = 'auto' | 'always' | 'never';

export type Config = {
	/** The dataset `docbao` opens without a PATH. */
	dataset?: string;
	/** The width of plain output on a terminal. */
	width?: number;
	language?: Language;
	theme: ThemeName;
	mouse: boolean;
	hyperlinks: Hyperlinks;
	/** Whether `y` may copy a URL to the clipboard through the terminal (OSC 52). */
	clipboard: boolean;
	/** Key overrides: a command's name and the keys it takes, replacing its own. */
	keys: Record<string, string[]>;
};

export const DEFAULT_CONFIG: Config = {theme: 'dark', mouse: true, hyperlinks: 'auto', clipboard: false, keys: {}};

export type ConfigProblem = {line?: number; key?: string; message: string};

export type LoadedConfig = {path: string; config: Config; problems: ConfigProblem[]; /** The file's text, to place later problems (keys) on its lines. */ text?: string};

export const configPath = (env: NodeJS.ProcessEnv) => join(docbaoDir('config', env), 'config.toml');

/** The line a key is set on, under its table's header (or at the top for a top-level key). */
export function lineOfKey(text: string, table: string | undefined, key: string): number | undefined {
	const lines = text.split(/\r?\n/);
	let current: string | undefined;
	const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`^\\s*(?:"${name}"|'${name}'|${name})\\s*=`);
	for (const [index, line] of lines.entries()) {
		const header = /^\s*\[([^\]]+)\]/.exec(line);
		if (header) current = header[1]!.trim();
		else if (current === table && pattern.test(line)) return index + 1;
	}
	// A table of its own: its header's line.
	if (table === undefined) {
		const header = lines.findIndex((line) => new RegExp(`^\\s*\\[\\s*${name}\\s*\\]`).test(line));
		if (header !== -1) return header + 1;
	}
	return undefined;
}

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Reads and checks the configuration; a missing file is the defaults, without a problem. The TOML
 * parser loads only when there is a file to parse.
 */
export async function loadConfig(env: NodeJS.ProcessEnv): Promise<LoadedConfig> {
	const path = configPath(env);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return {path, config: DEFAULT_CONFIG, problems: []};
		return {path, config: DEFAULT_CONFIG, problems: [{message: `cannot read it (${code ?? (error as Error).message})`}]};
	}
	return {path, text, ...checkConfig(text, await import('smol-toml'))};
}

type Toml = Pick<typeof import('smol-toml'), 'parse' | 'TomlError'>;

/** The configuration a TOML text sets, or the defaults and what is wrong with it. */
export function checkConfig(text: string, {parse, TomlError}: Toml): {config: Config; problems: ConfigProblem[]} {
	let data: Table;
	try {
		data = parse(text) as Table;
	} catch (error) {
		if (error instanceof TomlError) return {config: DEFAULT_CONFIG, problems: [{line: error.line, message: error.message.split('\n')[0]!}]};
		throw error;
	}
	const problems: ConfigProblem[] = [];
	const config: Config = {...DEFAULT_CONFIG, keys: {}};
	const problem = (table: string | undefined, key: string, message: string) =>
		problems.push({line: lineOfKey(text, table, key), key: table ? `${table}.${key}` : key, message});
	const tables: Record<string, Record<string, (value: unknown, key: string) => string | undefined>> = {
		general: {
			dataset: (value) => (typeof value === 'string' ? void (config.dataset = value || undefined) : 'a path in quotes'),
			width: (value) => (Number.isInteger(value) && (value as number) >= 0 ? void (config.width = (value as number) || undefined) : 'a whole number of columns (0: the terminal’s)'),
			language: (value) => (value === 'auto' ? undefined : value === 'en' || value === 'vi' ? void (config.language = value) : 'one of "auto", "en", "vi"'),
		},
		reader: {
			theme: (value) => ((THEME_NAMES as readonly unknown[]).includes(value) ? void (config.theme = value as ThemeName) : `one of ${THEME_NAMES.map((name) => `"${name}"`).join(', ')}`),
			mouse: (value) => (typeof value === 'boolean' ? void (config.mouse = value) : 'true or false'),
			hyperlinks: (value) => (value === 'auto' || value === 'always' || value === 'never' ? void (config.hyperlinks = value) : 'one of "auto", "always", "never"'),
			clipboard: (value) => (typeof value === 'boolean' ? void (config.clipboard = value) : 'true or false'),
		},
	};
	for (const [name, value] of Object.entries(data)) {
		if (name === 'keys') {
			if (!isTable(value)) problem(undefined, name, 'must be a table: [keys]');
			else {
				for (const [command, keys] of Object.entries(value)) {
					const list = typeof keys === 'string' ? [keys] : keys;
					if (Array.isArray(list) && list.length > 0 && list.every((key) => typeof key === 'string' && key !== '')) config.keys[command] = list as string[];
					else problem('keys', command, 'a key in quotes, or a list of them: ["j", "Down"]');
				}
			}
			continue;
		}
		// Own keys only: a setting named like one of Object's ("constructor", "valueOf") is no setting.
		const checks = Object.hasOwn(tables, name) ? tables[name] : undefined;
		if (!checks) {
			problem(undefined, name, `not a table docbao knows (${Object.keys(tables).join(', ')}, keys)`);
			continue;
		}
		if (!isTable(value)) {
			problem(undefined, name, `must be a table: [${name}]`);
			continue;
		}
		for (const [key, setting] of Object.entries(value)) {
			const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
			const wrong = check ? check(setting, key) : `not a setting of [${name}] (${Object.keys(checks).join(', ')})`;
			if (wrong) problem(name, key, check ? `must be ${wrong}` : wrong);
		}
	}
	return problems.length > 0 ? {config: DEFAULT_CONFIG, problems} : {config, problems};
}

/** One line per problem, naming the file, the line and the key. */
export function describeProblem(path: string, problem: ConfigProblem): string {
	const where = problem.line ? `${path}:${problem.line}` : path;
	return `${where}: ${problem.key ? `${problem.key}: ` : ''}${problem.message}`;
}

/** A commented configuration with every setting at its default, for `docbao config --default`. */
export function defaultConfigText(commands: ReadonlyArray<{command: string; keys: string[]; description: string}>): string {
	const keyLines = commands.map(({command, keys, description}) => `# ${command} = [${keys.map((key) => JSON.stringify(key)).join(', ')}]  # ${description}`);
	return [
		'# docbao configuration: save as the file `docbao config --path` names.',
		'# A setting left out keeps its default; a file with a mistake is reported and not used.',
		'',
		'[general]',
		'# The dataset `docbao` opens when no PATH is given (else the bundled sample).',
		'# dataset = "~/news"',
		'# The width of plain output (show) on a terminal; 0: the terminal\'s own.',
		'# width = 0',
		'# The language of the reader: "auto" (from LANG), "en" or "vi".',
		'# language = "auto"',
		'',
		'[reader]',
		'# "dark", "light" or "mono" (no colour; so is every theme when colour is off).',
		'# theme = "dark"',
		'# The mouse scrolls and clicks; false keeps the terminal\'s own text selection.',
		'# mouse = true',
		'# Links as terminal hyperlinks (OSC 8): "auto" (where the terminal is known to show them), "always", "never".',
		'# hyperlinks = "auto"',
		'# Let `y` copy an article\'s URL to the clipboard through the terminal (OSC 52).',
		'# clipboard = false',
		'',
		'[keys]',
		'# A command and its keys: a character ("j", "G"), or Enter, Esc, Tab, Shift+Tab, Space,',
		'# Backspace, Up, Down, PgUp, PgDn, Home, End, Ctrl+X. The keys given replace the command\'s own.',
		...keyLines,
		'',
	].join('\n');
}

/** `~/…` in a configured path, as a shell would read it. */
export function expandHome(path: string, env: NodeJS.ProcessEnv): string {
	return path === '~' || path.startsWith('~/') ? join(env.HOME ?? '', path.slice(1)) : path;
}

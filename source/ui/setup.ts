// The reader's setup from the configuration, the colour decision and the terminal: its keys, its
// language, its theme, what it may ask of the terminal, and the marks it starts from.
import {describeProblem, lineOfKey, type LoadedConfig} from '../config/config';
import {themeFor} from '../config/theme';
import {emptyMarks, type Marks} from '../state/marks';
import {datasetStateFile, openMarkStore, settingsFile, type MarkStore} from '../state/store';
import {terminalShowsLinks} from '../text/hyperlink';
import {bindKeys, defaultBindings} from './keymap';
import {messagesFor} from './messages';
import type {Setup} from './model';

type Context = {env: NodeJS.ProcessEnv; color: boolean; mouse: boolean; warn: (message: string) => void};

/** Marks kept in two files: the dataset's own, and the reader's settings, which hold for every dataset. */
function markStore(path: string, env: NodeJS.ProcessEnv, warn: (message: string) => void): MarkStore {
	const dataset = openMarkStore(datasetStateFile(path, env), warn);
	const settings = openMarkStore(settingsFile(env), warn);
	return {
		file: dataset.file,
		load: () => ({...dataset.load(), settings: settings.load().settings}),
		save(marks) {
			const saved = dataset.save({...marks, settings: new Map()});
			const own = settings.save({...emptyMarks(), settings: marks.settings});
			return {...saved, settings: own.settings};
		},
	};
}

export function readerSetup(path: string, loaded: LoadedConfig, {env, color, mouse, warn}: Context): {options: {setup: Setup; marks: Marks; store?: MarkStore}; notice: string | null} {
	const keyed = bindKeys(loaded.config.keys);
	const keyProblems = keyed.problems.map((problem) =>
		describeProblem(loaded.path, {line: loaded.text ? lineOfKey(loaded.text, 'keys', problem.command) : undefined, key: `keys.${problem.command}`, message: problem.message}),
	);
	// The file's own problems were printed before the reader started; the keys' are found here.
	const problems = [...loaded.problems.map((problem) => describeProblem(loaded.path, problem)), ...keyProblems];
	// A configuration with a mistake is not half used: all of it gives way to the defaults.
	const config = problems.length > 0 ? {...loaded.config, ...{theme: 'dark' as const, mouse: true, hyperlinks: 'auto' as const, clipboard: false, language: undefined}} : loaded.config;
	for (const problem of keyProblems) warn(`${problem}; running on the defaults`);
	const text = messagesFor(config.language, env);
	const setup: Setup = {
		keys: problems.length > 0 ? defaultBindings : keyed.bindings,
		text,
		theme: themeFor(config.theme, color),
		hyperlinks: config.hyperlinks === 'always' || (config.hyperlinks === 'auto' && terminalShowsLinks(env)),
		clipboard: config.clipboard,
		mouse: mouse && config.mouse,
	};
	// Standard input has no place to come back to: nothing is remembered of it.
	let store: MarkStore | undefined;
	let marks = emptyMarks();
	if (path !== '-') {
		store = markStore(path, env, warn);
		try {
			marks = store.load();
		} catch (error) {
			warn(`cannot read what was read before (${(error as Error).message}); starting afresh`);
		}
	}
	return {options: {setup, marks, store}, notice: problems.length > 0 ? text.notices.configProblem : null};
}

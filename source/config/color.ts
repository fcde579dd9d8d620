// The one colour decision of a run, made once from the flag, the environment and the terminal, and
// handed to every renderer (plain output and the reader alike). Colour is hue only: without it,
// bold, dim, underline and reverse video still mark the title, the selection and the matches.

export type ColorMode = 'auto' | 'always' | 'never';

export const COLOR_MODES: readonly ColorMode[] = ['auto', 'always', 'never'];

type Environment = {env: NodeJS.ProcessEnv; isTTY: boolean};

/**
 * Whether to use colour. An explicit `--color` wins; then FORCE_COLOR (0 or false turns it off),
 * then NO_COLOR (any non-empty value, as no-color.org says), then a dumb terminal, then whether
 * the output is a terminal at all.
 */
export function useColor(mode: ColorMode, {env, isTTY}: Environment): boolean {
	if (mode !== 'auto') return mode === 'always';
	const force = env.FORCE_COLOR;
	if (force !== undefined) return !/^(?:0|false)$/i.test(force);
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	if (env.TERM === 'dumb') return false;
	return isTTY;
}

/** The mode a `--color` value names: `--color`, `--no-color` and `--color=WHEN`. */
export function colorMode(value: string | boolean | undefined): ColorMode | undefined {
	if (value === undefined) return 'auto';
	// A bare `--color`, as with ls: always.
	if (value === true || value === '') return 'always';
	if (value === false) return 'never';
	return (COLOR_MODES as readonly string[]).includes(value) ? (value as ColorMode) : undefined;
}

import {readFileSync, existsSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';
import {decodeBytes} from '../../source/text/decode';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const seedPath = join(projectRoot, 'data', '000_70534d3c3e278d1a.txt');
export const fixturesDir = join(projectRoot, 'test', 'fixtures');
export const corpusDir = join(projectRoot, '..', 'shared', 'corpus');
export const cliPath = join(projectRoot, 'dist', 'cli.js');

export function readPage(path: string): string {
	return decodeBytes(readFileSync(path));
}

export const readFixture = (name: string) => readPage(join(fixturesDir, name));

export function corpusFiles(): string[] {
	if (!existsSync(corpusDir)) return [];
	return readdirSync(corpusDir, {withFileTypes: true})
		.filter((entry) => entry.isDirectory())
		.flatMap((folder) => readdirSync(join(corpusDir, folder.name)).map((name) => join(corpusDir, folder.name, name)));
}

// An article's id is its file name without the extension. Where two folders hold the same name,
// the ids keep enough of the folder path to stay distinct.
import type {PageFile} from './walk';

export const withoutExtension = (path: string) => path.replace(/\.jsonl\.gz$|\.[^./]+$/i, '');

export function assignIds(files: PageFile[]): string[] {
	const base = files.map((file) => withoutExtension(file.relativePath.split('/').at(-1)!));
	const counts = new Map<string, number>();
	for (const id of base) counts.set(id, (counts.get(id) ?? 0) + 1);
	return files.map((file, i) => (counts.get(base[i]!)! > 1 ? withoutExtension(file.relativePath) : base[i]!));
}

// Article ids. A page file's id is its name without the extension; where two files share it, the
// ids keep the folder path, and where that is shared too (`feed.jsonl` and `feed.jsonl.gz`,
// `page.txt` and `page.TXT`), the extension. A JSON Lines record's id is its `id` field, else
// FILE:LINE. Every id is unique within its dataset (a later claimant of a taken id gets a longer
// form, then a `~N` suffix) and printable: characters a terminal would act on, and tabs and
// newlines that would break a listing, are written as %XX, so the id a listing prints is the id
// `show` takes.
import type {PageFile} from './walk';

export const withoutExtension = (path: string) => path.replace(/\.(?:jsonl|x?html?|warc)\.gz$|\.[^./]+$/i, '');

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const UNPRINTABLE_ONE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const percentEncoded = (character: string) =>
	Array.from(Buffer.from(character), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * An id as it can be printed, typed and passed back to `show`. A leading `-` is encoded too: `-`
 * alone means standard input, and `-x` would read as a flag.
 */
export function printableId(id: string): string {
	if (!UNPRINTABLE_ONE.test(id) && id[0] !== '-') return id;
	return id.replace(UNPRINTABLE, percentEncoded).replace(/^-/, '%2D');
}

/** The ids handed out in one dataset; each is given once. */
export class IdRegistry {
	readonly #taken = new Set<string>();

	/** The first of the candidates not yet taken, else the last one with a `~N` suffix. */
	claim(...candidates: string[]): string {
		const first = candidates[0] === undefined || candidates[0] === '' ? undefined : printableId(candidates[0]);
		if (first !== undefined && !this.#taken.has(first)) {
			this.#taken.add(first);
			return first;
		}
		// An empty id cannot be passed back: the next candidate stands in for it.
		const printable = candidates.filter((candidate) => candidate !== '').map(printableId);
		let id = printable.find((candidate) => !this.#taken.has(candidate));
		for (let n = 2; id === undefined; n++) if (!this.#taken.has(`${printable.at(-1)}~${n}`)) id = `${printable.at(-1)}~${n}`;
		this.#taken.add(id);
		return id;
	}
}

/** The names by which a file may be known, shortest first. */
function namesOf(file: PageFile): string[] {
	const bare = withoutExtension(file.relativePath);
	return [bare.slice(bare.lastIndexOf('/') + 1), bare, file.relativePath];
}

/**
 * The id of each file: the shortest of its names that no other file shares. The ids depend on the
 * set of files alone, not on what the files hold, so they stay the same from run to run. Only the
 * ids of files that are articles themselves are claimed: a JSON Lines file's id only prefixes its
 * records' (`feed:2`), and a record may be called `feed` itself.
 */
export function assignIds(files: PageFile[], registry = new IdRegistry(), isArticle: (file: PageFile) => boolean = () => true): string[] {
	const names = files.map(namesOf);
	const counts = names[0]?.map((_, level) => {
		const count = new Map<string, number>();
		for (const forms of names) count.set(forms[level]!, (count.get(forms[level]!) ?? 0) + 1);
		return count;
	}) ?? [];
	return names.map((forms, index) => {
		const level = forms.findIndex((form, at) => counts[at]!.get(form) === 1);
		const candidates = forms.slice(level === -1 ? forms.length - 1 : level);
		return isArticle(files[index]!) ? registry.claim(...candidates) : printableId(candidates[0]!);
	});
}

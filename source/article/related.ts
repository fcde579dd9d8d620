// The related-stories block: a title line, then usually its summary. A summary may open with an
// all-caps place tag (`ĐBSCL`, `TP.HCM`, `CẦN THƠ`) that the site prints as a label.
import type {RelatedStory} from './types';

const SENTENCE_END = /[.!?…:;)"”’»]$/u;

function looksLikeSummary(line: string): boolean {
	return SENTENCE_END.test(line) || line.split(' ', 26).length > 24;
}

const TAG_WORD = /^[\p{Lu}][\p{Lu}.\-]*$/u;
const CAPITALISED = /^[\p{Lu}][\p{Ll}]/u;

/** Splits `ĐBSCL Hiện tại, …` into the region and the summary. */
export function splitRegion(summary: string): {region: string | null; summary: string} {
	const words = summary.split(' ', 6);
	let count = 0;
	while (count < words.length && count < 4 && TAG_WORD.test(words[count]!) && /\p{Lu}.*\p{Lu}|^\p{Lu}$/u.test(words[count]!)) count++;
	const next = words[count];
	if (count === 0 || next === undefined || !CAPITALISED.test(next)) return {region: null, summary};
	const region = words.slice(0, count).join(' ');
	return {region, summary: summary.slice(region.length + 1)};
}

export function parseRelated(lines: string[]): RelatedStory[] {
	const stories: RelatedStory[] = [];
	for (const line of lines) {
		const last = stories.at(-1);
		if (last && last.summary === null && looksLikeSummary(line)) {
			const {region, summary} = splitRegion(line);
			last.region = region;
			last.summary = summary;
		} else {
			stories.push({title: line, region: null, summary: null, id: null});
		}
	}
	return stories;
}

// Finding the article in whole-page text. Around the article a page carries menus, teasers, share
// buttons, cookie notes, comment forms and footers. Each line gets a score from general signals —
// its length, whether it ends like a sentence, how many of its words are the page language's
// common words, whether it reads like site furniture — and the article is the run of lines with
// the highest total: prose adds to it, short navigation lines take away.

const STOP_WORDS = new Set(
	(
		// English
		'a about after all also an and are as at be been but by can could did do for from had has have he her his how i if in into ' +
		'is it its more most no not of on one or our out over said she so some than that the their them then there these they this ' +
		'to up was we were what when which who will with would you your ' +
		// Vietnamese
		'và của là có được cho trong với các những này đã không người một để khi về đến từ theo tại như thì ra cũng sẽ lại nhiều ' +
		'đó nên vì nhưng đang rằng bị hơn mà do nếu còn năm ông bà ' +
		// Portuguese, Italian, Indonesian, Spanish, French, German (a few of the commonest each)
		'de da do que em um uma os para com não no na il di che la le per un una del della è yang dan di ini itu dengan untuk ' +
		'dari tidak el los las por con et les des est pour dans der die das und ist nicht mit'
	).split(' '),
);

const SENTENCE_END = /[.!?…。！？"”’»)\]]$/u;

// Lines that read like site furniture wherever they stand.
const FURNITURE = [
	/\bcookies?\b.*\b(?:use|uses|using|accept|consent|policy|experience|preferences)\b|\b(?:accept|agree to) (?:all )?cookies\b/i,
	/^(?:share|sharing|tweet|pin|email|print|reply|comments?|advertisement|ad|sponsored|related(?: articles| stories)?|read more|see more|more from|sign (?:in|up)|log ?in|subscribe|newsletter|follow us|back to top|skip to (?:main )?content)\b.{0,40}$/i,
	/^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/i,
	/\b(?:privacy policy|terms of (?:use|service)|terms and conditions)\b/i,
	/^\d+\s+(?:shares?|comments?|views?|likes?)$/i,
	/\bleave a (?:comment|reply)\b|\byour email address will not be published\b|\bnotify me\b.*\b(?:comments?|posts?)\b/i,
	/\b(?:click here|sign up for|subscribe to our|download (?:our|the) app|enable javascript|this site uses akismet)\b/i,
	/^(?:click to|submit to) (?:share|print|email|tweet)\b|\(opens in (?:a )?new window\)$/i,
];

export function isFurniture(line: string): boolean {
	return line.length < 400 && FURNITURE.some((pattern) => pattern.test(line));
}

// Lines where an article's text ends for good: comment counts, forms and commenters' names.
const ARTICLE_ENDS = [
	/^\[?\s*\d+\s+(?:comments?|responses?|replies)\b/i,
	/^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?$/i,
	/\bleave a (?:comment|reply)\b|^(?:top rated|most recent|newest|oldest) comments\b|^(?:join|start) the (?:discussion|conversation)\b/i,
	/^\S+(?: \S+){0,3} (?:says|said|wrote):$/i,
];

// Boxes set into or after the text: share bars, "trending" and "you may like" lists, in several languages.
const WIDGET_TITLES = [
	/^(?:share|share this|share this (?:article|story|post)|sharing is caring)\b.{0,30}$/i,
	/^(?:trending|top video|most (?:read|popular|commented|viewed)|popular posts|recommended(?: for you)?|you (?:may|might) (?:also )?like|more (?:stories|news|from)|related (?:articles|stories|posts|news)|read (?:more|next|also)|see also)\b.{0,30}$/i,
	/^(?:você pode gostar|veja também|leia também|leggi anche|potrebbe interessarti|baca juga|lihat juga|artikel terkait|читайте также|смотрите также|관련기사|관련 기사|함께 볼만한)/iu,
];

/** A line after which the article does not go on: `hard`, or a box set into the text: `soft`. */
export function stopKind(line: string): 'hard' | 'soft' | undefined {
	if (line.length >= 120) return undefined;
	if (ARTICLE_ENDS.some((pattern) => pattern.test(line))) return 'hard';
	return WIDGET_TITLES.some((pattern) => pattern.test(line)) ? 'soft' : undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;
// Scripts written without spaces between words: their length counts in characters.
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

export type LineFeatures = {words: number; sentence: boolean; stopRatio: number; furniture: boolean};

// A line's words are counted on its first characters and the count scaled to its length: a
// paragraph of megabytes is prose or not by its start, and tokenising all of it would cost seconds.
const SAMPLE_CHARACTERS = 4000;

export function lineFeatures(line: string): LineFeatures {
	const sample = line.length > SAMPLE_CHARACTERS ? line.slice(0, SAMPLE_CHARACTERS) : line;
	const tokens = sample.match(WORD) ?? [];
	let words = Math.round(tokens.length * (line.length / sample.length));
	if (UNSPACED.test(sample)) words = Math.max(words, Math.round(line.length / 2.5));
	let stop = 0;
	for (const token of tokens) if (STOP_WORDS.has(token.toLowerCase())) stop++;
	return {words, sentence: SENTENCE_END.test(line), stopRatio: tokens.length > 0 ? stop / tokens.length : 0, furniture: isFurniture(line)};
}

export const FURNITURE_SCORE = -4;

/**
 * How much a line speaks for being article text (positive) or page furniture (negative). Prose
 * is long, ends like a sentence and is rich in common words; headlines of teasers are long too
 * but end without a stop.
 */
export function lineScore({words, sentence, stopRatio, furniture}: LineFeatures): number {
	if (furniture) return FURNITURE_SCORE;
	const prose = stopRatio >= 0.15;
	if (words >= 10 && sentence) return words / 4 + 1 + (prose ? 1 : 0);
	if (words >= 25) return words / 8;
	if (words >= 5 && sentence && prose) return 1;
	if (words >= 5 && sentence) return -0.5;
	return -3;
}

export type Run = {start: number; end: number; score: number};

/** A line that splits the page into stretches: `soft` (a heading) or `hard` (where articles end). */
export type Stop = 'soft' | 'hard';

/**
 * The best-scoring run of lines (Kadane's algorithm) in each stretch between stops, in page
 * order. Runs that score nothing are left out.
 */
export function bestRuns(scores: Array<number | Stop>): Run[] {
	const runs: Run[] = [];
	let best: Run | undefined;
	let sum = 0;
	let start = 0;
	const close = () => {
		if (best) runs.push(best);
		best = undefined;
		sum = 0;
	};
	for (let i = 0; i < scores.length; i++) {
		const score = scores[i]!;
		if (typeof score !== 'number') {
			close();
			continue;
		}
		if (sum <= 0) {
			sum = 0;
			start = i;
		}
		sum += score;
		if (sum > 0 && (!best || sum > best.score)) best = {start, end: i, score: sum};
	}
	close();
	return runs;
}

const MERGE_GAP = 8;

// A run this strong is an article's text, not a caption, a byline or a single teaser.
const DECISIVE = 25;

/** The article's runs: what lies between them (a box set into the text) is not the article's. */
export type Article = Run & {parts: Run[]};

/**
 * The article: among the runs up to the first hard stop after a decisive run (the article ends
 * there; comments and teasers follow), the strongest, joined with strong runs that a heading alone
 * separates from it (a widget set into the text).
 */
export function articleRun(scores: Array<number | Stop>, strong: number): Article | undefined {
	let runs = bestRuns(scores);
	if (runs.length === 0) return undefined;
	const decisive = runs.find((run) => run.score >= DECISIVE);
	if (decisive) {
		let end = decisive.end + 1;
		while (end < scores.length && scores[end] !== 'hard') end++;
		runs = runs.filter((run) => run.start < end);
	}
	let index = runs.reduce((best, run, i) => (run.score > runs[best]!.score ? i : best), 0);
	const article: Article = {...runs[index]!, parts: [runs[index]!]};
	const softBetween = (from: number, to: number) => {
		for (let i = from; i < to; i++) if (scores[i] === 'hard') return false;
		return to - from <= MERGE_GAP;
	};
	for (let next = index + 1; next < runs.length && runs[next]!.score >= strong && softBetween(article.end + 1, runs[next]!.start); next++) {
		article.end = runs[next]!.end;
		article.score += runs[next]!.score;
		article.parts.push(runs[next]!);
	}
	for (index -= 1; index >= 0 && runs[index]!.score >= strong && softBetween(runs[index]!.end + 1, article.start); index--) {
		article.start = runs[index]!.start;
		article.score += runs[index]!.score;
		article.parts.unshift(runs[index]!);
	}
	return article;
}

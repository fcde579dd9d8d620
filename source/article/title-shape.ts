// Lines that stand where a headline stands but are not one: a web address, a breadcrumb trail, a
// byline of names; and a browser title's site name, which a headline does not carry.
import type {PageLine} from '../text/normalize';

/** A web address or a path ("//www.site.com/news/…", "https://…", "site.com/a/b.html"). */
export function isAddressLike(text: string): boolean {
	if (/^(?:https?:)?\/\//i.test(text) || /^www\./i.test(text)) return true;
	return !/\s/.test(text) && /[/.][\w-]+\//.test(text);
}

/** A breadcrumb trail: "Mensagens » Autoestima » Só quem se Ama…", "Home > Sport > …". */
export function isBreadcrumb(text: string): boolean {
	return (text.match(/\s[»›>]\s/g)?.length ?? 0) >= 2 || /^(?:home|trang chủ|inicio|início|accueil|startseite)\s*[»›>|/]/i.test(text);
}

// Words a list of names is joined with.
const JOINERS = new Set(['and', '&', 'und', 'et', 'e', 'y', 'và', 'dan']);

/**
 * A line of names, as a byline without its "By": every word capitalised but the joiners, and at
 * least two names joined ("Kevin Johnson and Kevin McCoy USA TODAY"), or "By …".
 */
export function isNameLine(text: string): boolean {
	if (/^by\s+\p{Lu}/iu.test(text) && text.split(/\s+/).length <= 10) return true;
	const words = text.split(/\s+/);
	if (words.length < 3 || words.length > 10 || /[.!?:;"“”]$/.test(text) || /\d/.test(text)) return false;
	const joined = words.some((word) => JOINERS.has(word.toLowerCase()));
	return joined && words.every((word) => JOINERS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word));
}

const SEPARATOR = /\s+(?:[|–—-]|::)\s+/g;
const DOMAIN = /\b[\p{L}\p{N}-]+\.(?:[a-z]{2,6})\b/iu;

/** Whether a site's name shows elsewhere on the page: alone, or within a line (a copyright, "More from …"). */
function namedElsewhere(name: string, title: string, lines: PageLine[]): boolean {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u');
	return lines.some((line) => line.text !== title && line.text.length < 300 && pattern.test(line.text));
}

/**
 * A browser title without the site's name after its last separator (`Headline - Site.com`,
 * `Headline | Site`) and without a section's name before its first (`Business | Headline`). The
 * name is known for one by its domain, or by showing elsewhere on the page; a section's by
 * standing alone there, as a menu's item does. A part in quotes, or of more than five words, is
 * the headline's own.
 */
export function withoutSiteName(title: string, lines: PageLine[]): string {
	let headline = title;
	const separators = [...headline.matchAll(SEPARATOR)];
	const last = separators.at(-1);
	if (last) {
		const before = headline.slice(0, last.index).trim();
		const site = headline.slice(last.index + last[0].length).trim();
		const plausible = before.split(/\s+/).length >= 3 && site.split(/\s+/).length <= 5 && !/^["“‘']|["”’']$/.test(site);
		if (plausible && (DOMAIN.test(site) || namedElsewhere(site, title, lines))) headline = before;
	}
	const first = [...headline.matchAll(SEPARATOR)][0];
	if (first) {
		const section = headline.slice(0, first.index).trim();
		const rest = headline.slice(first.index + first[0].length).trim();
		if (section.split(/\s+/).length <= 2 && rest.split(/\s+/).length >= 3 && lines.some((line) => line.text === section)) headline = rest;
	}
	return headline;
}

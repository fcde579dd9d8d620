// One line per article for `docbao list`: `id<TAB>published<TAB>title`, or a JSON object.
import {sanitizeForTerminal, stringifyJsonSafe} from '../text/sanitize';

export type ListItem = {id: string; published: string | null; title: string; source: string; url?: string};

const field = (text: string) => sanitizeForTerminal(text).replace(/[\t\n]/g, ' ');

export function renderListLine(item: ListItem): string {
	return `${field(item.id)}\t${item.published ?? ''}\t${field(item.title)}`;
}

export function renderListJson(item: ListItem): string {
	return stringifyJsonSafe({id: item.id, published: item.published, title: item.title, source: item.source, url: item.url ?? null});
}

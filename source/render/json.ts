import type {Article} from '../article/types';
import {stringifyJsonSafe} from '../text/sanitize';

export function renderArticleJson(article: Article): string {
	return stringifyJsonSafe(article);
}

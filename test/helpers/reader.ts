import {parseArticle} from '../../source/article/parse';
import type {Article} from '../../source/article/types';
import type {Entry} from '../../source/dataset/load';
import {linkRelated} from '../../source/dataset/load';
import {initialState, reducer, type State} from '../../source/ui/state';
import {arrayList} from '../../source/dataset/article-list';
import type {KeyFlags} from '../../source/ui/keymap';
import {readPage, seedPath} from './pages';

export const SEED_ID = '000_70534d3c3e278d1a';

/** A small dataset: the seed, an article titled like its first related story, and one undated page. */
export function sampleArticles(): Article[] {
	const cam = parseArticle('Giá cam sành giảm mạnh, nông dân thất thu\n\nThứ Hai 30/07/2018 , 08:00 (GMT+7)\n\nGiá cam giảm sâu.\n', {id: 'cam', source: 'cam.txt'});
	const undated = parseArticle('Một bài không có ngày đăng về Quảng Nam\n\nNội dung của bài viết.\n', {id: 'undated', source: 'undated.txt'});
	const seed = linkRelated(parseArticle(readPage(seedPath), {id: SEED_ID, source: seedPath}), new Map([['gia cam sanh giam manh nong dan that thu', 'cam']]));
	return [cam, seed, undated];
}

export function entriesOf(articles: Article[]): Entry[] {
	return articles.map((article) => ({id: article.id, source: article.source, title: article.title, published: article.published}));
}

/** A state with the dataset loaded and every article already read. */
export function readyState(columns = 120, rows = 36, articles = sampleArticles()): State {
	let state = reducer(initialState({columns, rows}, 'sample'), {type: 'dataset', dataset: arrayList(entriesOf(articles))});
	for (const article of articles) state = reducer(state, {type: 'article', article});
	return state;
}

export function press(state: State, ...keys: Array<string | KeyFlags>): State {
	return keys.reduce<State>((current, key) => reducer(current, typeof key === 'string' ? {type: 'key', input: key, key: {}} : {type: 'key', input: '', key}), state);
}

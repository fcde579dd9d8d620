import {describe, expect, it} from 'vitest';
import {parseArticle} from '../source/article/parse';
import {corpusDir, corpusFiles, readPage} from './helpers/pages';

const files = corpusFiles();
if (files.length === 0) console.warn(`corpus smoke test skipped: no pages under ${corpusDir}`);

describe.skipIf(files.length === 0)(`every page of ${corpusDir}`, () => {
	it(`parses all ${files.length} pages without throwing, each with a title`, () => {
		const untitled = files.filter((file) => parseArticle(readPage(file), {id: file, source: file}).title.trim() === '');
		expect(untitled).toEqual([]);
	});
});

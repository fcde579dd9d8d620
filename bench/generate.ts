// Synthetic datasets shaped like the seed page, made from the seed's own words with a seeded
// random generator, so every run measures the same bytes.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export function randomGenerator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];

export function vocabulary(seedPath: string): string[] {
	const words = readFileSync(seedPath, 'utf8').split(/\s+/).filter((word) => /^\p{L}+$/u.test(word));
	return [...new Set(words)];
}

export function makePage(index: number, words: string[], random: () => number, titleOf: (i: number) => string): string {
	const pick = () => words[Math.floor(random() * words.length)]!;
	const sentence = (count: number) => {
		const text = Array.from({length: count}, pick).join(' ');
		return text[0]!.toUpperCase() + text.slice(1) + '.';
	};
	const day = 1 + Math.floor(random() * 28);
	const month = 1 + Math.floor(random() * 12);
	const year = 2015 + Math.floor(random() * 8);
	const paragraphs = Array.from({length: 6 + Math.floor(random() * 6)}, () =>
		Array.from({length: 2 + Math.floor(random() * 4)}, () => sentence(12 + Math.floor(random() * 20))).join(' '),
	);
	const related = Array.from({length: 4}, (_, k) => `${titleOf((index + 7 * (k + 1)) % 100_000)}\n\nTP.HCM ${sentence(20)}`);
	return [
		'| Hotline: 0983.970.780',
		`${sentence(6).slice(0, -1)}:`,
		titleOf(index),
		`${WEEKDAYS[Math.floor(random() * 7)]} ${day}/${month}/${year} , ${Math.floor(random() * 24)}:${String(Math.floor(random() * 60)).padStart(2, '0')} (GMT+7)`,
		paragraphs[0],
		` ${sentence(15)}`,
		...paragraphs.slice(1),
		'Xem thêm\n' + related.join('\n\n'),
		'Bình luận mới nhất',
		`${sentence(10)} Trả lời: ${sentence(40)} Minh Khang: 0967.292.160\n+ xem thêm`,
	].join('\n\n');
}

/** Writes `count` pages into a new folder under `parent` and returns the folder, its size and the pages. */
export function writeDataset(parent: string, count: number, seedPath: string): {folder: string; bytes: number; texts: string[]} {
	const folder = join(parent, `pages-${count}`);
	mkdirSync(folder, {recursive: true});
	const words = vocabulary(seedPath);
	const titleRandom = randomGenerator(7);
	const titles = Array.from({length: Math.max(count, 1)}, () => {
		const text = Array.from({length: 8 + Math.floor(titleRandom() * 8)}, () => words[Math.floor(titleRandom() * words.length)]).join(' ');
		return text[0]!.toUpperCase() + text.slice(1);
	});
	const random = randomGenerator(count);
	let bytes = 0;
	const texts: string[] = [];
	for (let i = 0; i < count; i++) {
		const text = makePage(i, words, random, (k) => titles[k % count]!);
		bytes += Buffer.byteLength(text);
		texts.push(text);
		writeFileSync(join(folder, `page-${String(i).padStart(5, '0')}.txt`), text);
	}
	return {folder, bytes, texts};
}

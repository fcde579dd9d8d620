// Every word the reader shows, in English and Vietnamese. The reducer and the components take
// their text from here, so a language is one object and nothing on screen is left untranslated.
import {groupDigits} from '../text/digits';
import type {Command} from './keymap';

export type Messages = {
	groups: Record<'move' | 'panes' | 'go' | 'search' | 'marks' | 'links' | 'other', string>;
	commands: Record<Command, string>;
	help: {title: string; position: (first: number, last: number, total: number) => string};
	hints: {open: string; filter: string; help: string; quit: string; pane: string; back: string; search: string; typing: string; searching: string; matches: string; close: string};
	status: {
		match: (count: string) => string;
		found: (query: string, index: string, total: string) => string;
		noMatch: (query: string) => string;
		indexing: (done: string, total: string) => string;
		unread: (count: number) => string;
		related: (index: number, total: number) => string;
		comments: string;
		article: string;
	};
	notices: {
		pressSearch: string;
		notInDataset: string;
		lastArticle: string;
		firstArticle: string;
		nothingBefore: string;
		nothingAfter: string;
		noRelated: string;
		noComments: string;
		panesOfArticle: string;
		noLink: string;
		notWebLink: string;
		opening: (url: string) => string;
		openFailed: (why: string) => string;
		copied: string;
		clipboardOff: string;
		read: string;
		unread: string;
		bookmarked: string;
		unbookmarked: string;
		confirmAllRead: (count: number) => string;
		nothingUnread: string;
		allRead: (count: number) => string;
		noBookmarks: string;
		configProblem: string;
		stateProblem: string;
	};
	list: {
		searchHeading: (query: string, count: number) => string;
		filterHeading: (filter: string, count: number, total: number) => string;
		datasetHeading: (name: string, total: number) => string;
		bookmarksHeading: (count: number) => string;
		noResults: string;
		noArticles: string;
		noFilterMatch: string;
		noBookmarks: string;
	};
	panes: {related: (count: number) => string; comments: (count: number) => string; opening: string};
	loading: {reading: (name: string) => string; pages: (done: number, total: number) => string; looking: string};
};

const plural = (count: number, one: string, many: string) => `${groupDigits(count, ',')} ${count === 1 ? one : many}`;

export const english: Messages = {
	groups: {move: 'Move', panes: 'Panes', go: 'Go', search: 'Search', marks: 'Marks', links: 'Links', other: 'Other'},
	commands: {
		lineDown: 'a line down (next row in a list)',
		lineUp: 'a line up (previous row)',
		pageDown: 'a page down',
		pageUp: 'a page up',
		halfPageDown: 'half a page down',
		halfPageUp: 'half a page up',
		top: 'to the top',
		bottom: 'to the bottom',
		nextPane: 'focus the next pane: article → related → comments',
		previousPane: 'focus the previous pane',
		toggleComments: 'show or hide the comment pane',
		toggleSidebar: 'show or hide the related-stories sidebar',
		open: 'open the selected article or related story',
		back: 'back in history (to the list at the start)',
		forward: 'forward in history',
		previousArticle: 'the previous article of the list',
		nextArticle: 'the next article of the list',
		search: 'search the article, or filter the list by title; Enter ends (in the list of an indexed dataset it searches every article’s text), Esc goes back',
		nextMatch: 'the next match',
		previousMatch: 'the previous match',
		toggleRead: 'mark the article read or unread',
		markAllRead: 'mark every article of the list read (asks first)',
		toggleBookmark: 'bookmark the article, or remove its bookmark',
		bookmarks: 'the bookmarked articles (again: the whole list)',
		openLink: 'open the article’s web address in the browser',
		copyLink: 'copy the article’s web address (when the configuration allows)',
		help: 'this help',
		quit: 'quit',
	},
	help: {title: 'Keys', position: (first, last, total) => `${first}–${last} of ${total} · j k scroll · q or Esc closes`},
	hints: {open: 'open', filter: 'filter', help: 'help', quit: 'quit', pane: 'pane', back: 'back', search: 'search', typing: 'type to filter · Enter open · Esc clear', searching: 'Enter keep · Esc back', matches: 'n next · N previous', close: 'q close'},
	status: {
		match: (count) => `${count} match${count === '1' ? '' : 'es'}`,
		found: (query, index, total) => `“${query}” ${index}/${total}`,
		noMatch: (query) => `no match for “${query}”`,
		indexing: (done, total) => `indexing ${done}/${total}`,
		unread: (count) => `${groupDigits(count, ',')} unread`,
		related: (index, total) => `story ${index}/${total}`,
		comments: 'comments',
		article: 'article',
	},
	notices: {
		pressSearch: 'press / to search',
		notInDataset: 'not in this dataset: its summary is shown below the list',
		lastArticle: 'this is the last article of the list',
		firstArticle: 'this is the first article of the list',
		nothingBefore: 'nothing before this page',
		nothingAfter: 'nothing after this page',
		noRelated: 'this article has no related stories',
		noComments: 'this article has no comments',
		panesOfArticle: 'the sidebar and the comments are an article’s: open one with Enter',
		noLink: 'this article has no web address',
		notWebLink: 'not a web address (http or https): left alone',
		opening: (url) => `opening ${url}`,
		openFailed: (why) => `could not open the browser: ${why}`,
		copied: 'web address copied',
		clipboardOff: 'copying is off: set clipboard = true under [reader] in the configuration',
		read: 'marked read',
		unread: 'marked unread',
		bookmarked: 'bookmarked',
		unbookmarked: 'bookmark removed',
		confirmAllRead: (count) => `mark ${plural(count, 'article', 'articles')} read? y/n`,
		nothingUnread: 'every article is read already',
		allRead: (count) => `${plural(count, 'article', 'articles')} marked read`,
		noBookmarks: 'no bookmarks yet: m bookmarks an article',
		configProblem: 'the configuration has a mistake: running on the defaults (see the message after quitting)',
		stateProblem: 'what was read could not be saved (see the message after quitting)',
	},
	list: {
		searchHeading: (query, count) => `search “${query}”: ${plural(count, 'result', 'results')} (Esc: the whole list)`,
		filterHeading: (filter, count, total) => `/${filter}  ${groupDigits(count, ',')} of ${groupDigits(total, ',')}`,
		datasetHeading: (name, total) => `${name} · ${plural(total, 'article', 'articles')}`,
		bookmarksHeading: (count) => `bookmarks: ${plural(count, 'article', 'articles')} (Esc: the whole list)`,
		noResults: 'No article holds all of these words (Esc: the whole list).',
		noArticles: 'No articles in this dataset.',
		noFilterMatch: 'No article matches the filter (Esc clears it).',
		noBookmarks: 'No bookmarks yet: m on an article bookmarks it (Esc: the whole list).',
	},
	panes: {related: (count) => `Related stories (${count})`, comments: (count) => `Comments (${count})`, opening: 'Opening…'},
	loading: {reading: (name) => `Reading ${name}…`, pages: (done, total) => `${done} of ${total} pages`, looking: 'looking for pages'},
};

const count = (value: number) => groupDigits(value, '.');

export const vietnamese: Messages = {
	groups: {move: 'Di chuyển', panes: 'Khung', go: 'Đi tới', search: 'Tìm kiếm', marks: 'Đánh dấu', links: 'Liên kết', other: 'Khác'},
	commands: {
		lineDown: 'xuống một dòng (dòng sau trong danh sách)',
		lineUp: 'lên một dòng (dòng trước)',
		pageDown: 'xuống một trang',
		pageUp: 'lên một trang',
		halfPageDown: 'xuống nửa trang',
		halfPageUp: 'lên nửa trang',
		top: 'lên đầu',
		bottom: 'xuống cuối',
		nextPane: 'chuyển sang khung sau: bài → tin liên quan → bình luận',
		previousPane: 'chuyển về khung trước',
		toggleComments: 'hiện hoặc ẩn khung bình luận',
		toggleSidebar: 'hiện hoặc ẩn cột tin liên quan',
		open: 'mở bài hoặc tin liên quan đang chọn',
		back: 'lùi lại (về danh sách lúc đầu)',
		forward: 'tiến tới',
		previousArticle: 'bài trước trong danh sách',
		nextArticle: 'bài sau trong danh sách',
		search: 'tìm trong bài, hoặc lọc danh sách theo tiêu đề; Enter kết thúc (trong danh sách có chỉ mục: tìm trong toàn văn mọi bài), Esc quay lại',
		nextMatch: 'chỗ khớp sau',
		previousMatch: 'chỗ khớp trước',
		toggleRead: 'đánh dấu bài đã đọc hoặc chưa đọc',
		markAllRead: 'đánh dấu mọi bài trong danh sách là đã đọc (có hỏi trước)',
		toggleBookmark: 'lưu bài vào dấu trang, hoặc bỏ dấu trang',
		bookmarks: 'các bài đã lưu dấu trang (bấm lần nữa: cả danh sách)',
		openLink: 'mở địa chỉ web của bài trong trình duyệt',
		copyLink: 'chép địa chỉ web của bài (khi cấu hình cho phép)',
		help: 'trợ giúp này',
		quit: 'thoát',
	},
	help: {title: 'Phím', position: (first, last, total) => `${first}–${last} / ${total} · j k cuộn · q hoặc Esc để đóng`},
	hints: {open: 'mở', filter: 'lọc', help: 'trợ giúp', quit: 'thoát', pane: 'khung', back: 'lùi', search: 'tìm', typing: 'gõ để lọc · Enter mở · Esc xoá', searching: 'Enter giữ · Esc quay lại', matches: 'n sau · N trước', close: 'q đóng'},
	status: {
		match: (matches) => `${matches} chỗ khớp`,
		found: (query, index, total) => `“${query}” ${index}/${total}`,
		noMatch: (query) => `không thấy “${query}”`,
		indexing: (done, total) => `đang lập chỉ mục ${done}/${total}`,
		unread: (unread) => `${count(unread)} chưa đọc`,
		related: (index, total) => `tin ${index}/${total}`,
		comments: 'bình luận',
		article: 'bài',
	},
	notices: {
		pressSearch: 'bấm / để tìm',
		notInDataset: 'không có trong bộ dữ liệu này: tóm tắt ở dưới danh sách',
		lastArticle: 'đây là bài cuối của danh sách',
		firstArticle: 'đây là bài đầu của danh sách',
		nothingBefore: 'không có gì phía trước',
		nothingAfter: 'không có gì phía sau',
		noRelated: 'bài này không có tin liên quan',
		noComments: 'bài này không có bình luận',
		panesOfArticle: 'cột tin liên quan và bình luận thuộc về một bài: bấm Enter để mở bài',
		noLink: 'bài này không có địa chỉ web',
		notWebLink: 'không phải địa chỉ web (http hoặc https): bỏ qua',
		opening: (url) => `đang mở ${url}`,
		openFailed: (why) => `không mở được trình duyệt: ${why}`,
		copied: 'đã chép địa chỉ web',
		clipboardOff: 'chưa cho phép chép: đặt clipboard = true trong mục [reader] của cấu hình',
		read: 'đã đánh dấu đã đọc',
		unread: 'đã đánh dấu chưa đọc',
		bookmarked: 'đã lưu dấu trang',
		unbookmarked: 'đã bỏ dấu trang',
		confirmAllRead: (articles) => `đánh dấu ${count(articles)} bài là đã đọc? y/n`,
		nothingUnread: 'mọi bài đều đã đọc',
		allRead: (articles) => `đã đánh dấu ${count(articles)} bài là đã đọc`,
		noBookmarks: 'chưa có dấu trang: bấm m để lưu một bài',
		configProblem: 'cấu hình có lỗi: dùng giá trị mặc định (xem thông báo sau khi thoát)',
		stateProblem: 'không lưu được các bài đã đọc (xem thông báo sau khi thoát)',
	},
	list: {
		searchHeading: (query, results) => `tìm “${query}”: ${count(results)} kết quả (Esc: cả danh sách)`,
		filterHeading: (filter, shown, total) => `/${filter}  ${count(shown)} / ${count(total)}`,
		datasetHeading: (name, total) => `${name} · ${count(total)} bài`,
		bookmarksHeading: (bookmarks) => `dấu trang: ${count(bookmarks)} bài (Esc: cả danh sách)`,
		noResults: 'Không bài nào có đủ các từ này (Esc: cả danh sách).',
		noArticles: 'Bộ dữ liệu này không có bài nào.',
		noFilterMatch: 'Không bài nào khớp bộ lọc (Esc để xoá).',
		noBookmarks: 'Chưa có dấu trang: bấm m trên một bài để lưu (Esc: cả danh sách).',
	},
	panes: {related: (related) => `Tin liên quan (${related})`, comments: (comments) => `Bình luận (${comments})`, opening: 'Đang mở…'},
	loading: {reading: (name) => `Đang đọc ${name}…`, pages: (done, total) => `${done} / ${total} trang`, looking: 'đang tìm các trang'},
};

/** The language of the reader: the configured one, else the first of LC_ALL, LC_MESSAGES, LANG. */
export function messagesFor(language: 'en' | 'vi' | undefined, env: NodeJS.ProcessEnv): Messages {
	const chosen = language ?? (/^vi/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'vi' : 'en');
	return chosen === 'vi' ? vietnamese : english;
}

// Web addresses compared as two links to one page are: without scheme, `www.`, fragment or
// final slash, in lower case.

export const comparableUrl = (url: string) =>
	url.replace(/#.*$/, '').replace(/^[a-z][a-z0-9+.-]*:\/\/(?:www\d*\.)?/i, '').replace(/\/$/, '').toLowerCase();

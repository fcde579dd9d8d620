// Strings cut from longer ones, made strings of their own. V8 may keep a short string cut from a
// long one as a view of it: an address cut from a record's headers, or a title cut from a page's
// markup, would keep the whole headers or markup alive for as long as a listing keeps the cut.

/** `text` as a string of its own, not a view of a longer one. */
export const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

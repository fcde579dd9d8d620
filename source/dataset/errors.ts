/** A dataset, a page or an article that cannot be read; its message is one line for `docbao: …`. */
export class DatasetError extends Error {}

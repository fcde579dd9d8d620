// Parquet datasets (`.parquet`), read with hyparquet, row group by row group and a batch of rows
// at a time: only the columns an article needs are read. hyparquet's reading API is
// asynchronous because it fetches bytes; its column decoder is not, and an article is opened
// synchronously, so the byte ranges are read here and handed to the decoder directly.
import {closeSync, fstatSync, readSync, type PathLike} from 'node:fs';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {parquetMetadata, parquetSchema} from 'hyparquet';
import {readColumn} from 'hyparquet/src/column.js';
import {DEFAULT_PARSERS} from 'hyparquet/src/convert.js';
import {getTreePath} from 'hyparquet/src/schema.js';
import {compressors as bundledCompressors} from 'hyparquet-compressors';
import type {FileMetaData, ColumnChunk, SchemaTree} from 'hyparquet';
import {openRegularFile, PAGE_LIMIT_BYTES} from './bounded-read';

// Node's own zlib for the codecs it has; the bundled decoders for the rest (zstd, LZ4).
const compressors = {
	...bundledCompressors,
	GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input, {maxOutputLength: PAGE_LIMIT_BYTES * 4})),
	BROTLI: (input: Uint8Array) => new Uint8Array(brotliDecompressSync(input, {maxOutputLength: PAGE_LIMIT_BYTES * 4})),
};

/** An open Parquet file: its footer, and the columns a record can be read from (see leafColumns). */
export type ParquetFile = {descriptor: number; metadata: FileMetaData; columns: string[]};

/**
 * The columns that hold one value a row, by their paths: a top-level column by its name, a field of
 * a struct as `meta.url`. A list's elements are many values a row and no record field, and are
 * left out.
 */
function leafColumns(tree: SchemaTree, path: string[] = []): string[] {
	const columns: string[] = [];
	for (const child of tree.children) {
		if (child.element.repetition_type === 'REPEATED') continue;
		const at = [...path, child.element.name];
		if (child.children.length === 0) columns.push(at.join('.'));
		else columns.push(...leafColumns(child, at));
	}
	return columns;
}

function readRange(descriptor: number, start: number, end: number): Buffer {
	const bytes = Buffer.alloc(end - start);
	let done = 0;
	while (done < bytes.length) {
		const read = readSync(descriptor, bytes, done, bytes.length - done, start + done);
		if (read === 0) throw new Error(`the file ends at ${start + done}, before the data it describes`);
		done += read;
	}
	return bytes;
}

const FOOTER_GUESS = 512 * 1024;

/** Opens a Parquet file and reads its footer; a missing or damaged footer is an error naming the file. */
export function openParquet(path: PathLike, label: string): ParquetFile {
	const descriptor = openRegularFile(path, label);
	try {
		const size = fstatSync(descriptor).size;
		if (size < 12) throw new Error('too short to be a Parquet file');
		let tail = readRange(descriptor, Math.max(0, size - Math.min(size, FOOTER_GUESS)), size);
		if (tail.subarray(-4).toString('latin1') !== 'PAR1') throw new Error('no Parquet footer (a damaged or cut file?)');
		const footerLength = tail.readUInt32LE(tail.length - 8);
		if (footerLength + 8 > size) throw new Error('a damaged Parquet footer');
		if (footerLength + 8 > tail.length) tail = readRange(descriptor, size - footerLength - 8, size);
		const bytes = tail.subarray(tail.length - footerLength - 8);
		let metadata: FileMetaData;
		try {
			metadata = parquetMetadata(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {parsers: DEFAULT_PARSERS});
		} catch {
			throw new Error('a damaged Parquet footer');
		}
		let columns: string[];
		try {
			columns = leafColumns(parquetSchema(metadata));
		} catch {
			throw new Error('a damaged Parquet schema');
		}
		return {descriptor, metadata, columns};
	} catch (error) {
		closeSync(descriptor);
		// The caller names the file.
		throw new Error((error as Error).message.replace(/^parquet /, ''));
	}
}

export function closeParquet(file: ParquetFile): void {
	if (chunksOf?.file === file) {
		chunks.clear();
		chunksOf = undefined;
	}
	closeSync(file.descriptor);
}

function chunkOf(file: ParquetFile, group: number, column: string): ColumnChunk | undefined {
	return file.metadata.row_groups[group]?.columns.find((chunk) => chunk.meta_data?.path_in_schema.join('.') === column);
}

// The column chunks last read, by column, for one file's row group: a row group is read a batch of
// rows at a time. A chunk small once decoded is decoded once, whole (its dictionary, if it has
// one, would otherwise be decoded again for every batch); a large one keeps its compressed bytes,
// and each batch decodes only its own pages.
const WHOLE_CHUNK_BYTES = 32 * 1024 * 1024;
const chunks = new Map<string, Buffer | unknown[]>();
let chunksOf: {file: ParquetFile; group: number} | undefined;

function cached(file: ParquetFile, group: number, column: string): Buffer | unknown[] | undefined {
	if (chunksOf?.file !== file || chunksOf.group !== group) {
		chunks.clear();
		chunksOf = {file, group};
	}
	return chunks.get(column);
}

/**
 * The values of one column for rows [from, to) of a row group, decoded from the bytes of its
 * column chunk (pages wholly outside the rows are skipped, not decompressed). A chunk larger than
 * four times the page limit is refused.
 */
export function readColumnValues(file: ParquetFile, group: number, column: string, from: number, to: number): unknown[] {
	const chunk = chunkOf(file, group, column);
	const meta = chunk?.meta_data;
	if (!meta) return [];
	// The chunk starts at its dictionary page when it has one, and runs for its compressed size.
	const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
	const length = Number(meta.total_compressed_size);
	if (length > PAGE_LIMIT_BYTES * 4) throw new Error(`column ${column} of row group ${group + 1} is too large to read`);
	const known = cached(file, group, column);
	if (Array.isArray(known)) return known.slice(from, to);
	const bytes = known ?? readRange(file.descriptor, start, start + length);
	const whole = Number(meta.total_uncompressed_size) <= WHOLE_CHUNK_BYTES;
	if (whole) {
		const values = decodeRows(file, meta, bytes, 0, Number(file.metadata.row_groups[group]!.num_rows));
		chunks.set(column, values);
		return values.slice(from, to);
	}
	chunks.set(column, bytes);
	return decodeRows(file, meta, bytes, from, to);
}

/** Rows [from, to) of a column chunk's bytes, decoded. */
function decodeRows(file: ParquetFile, meta: NonNullable<ColumnChunk['meta_data']>, bytes: Buffer, from: number, to: number): unknown[] {
	const schemaPath = getTreePath(parquetSchema(file.metadata), meta.path_in_schema);
	const decoder = {
		pathInSchema: meta.path_in_schema,
		element: schemaPath[schemaPath.length - 1]!.element,
		schemaPath,
		...meta,
		compressors,
		parsers: DEFAULT_PARSERS,
	};
	const reader = {view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0};
	const {data, skipped} = readColumn(reader, {groupStart: 0, selectStart: from, selectEnd: to, groupRows: to} as never, decoder as never);
	const values: unknown[] = [];
	// The decoder gives a struct's field (a column nested in one, never in a list: see leafColumns)
	// as a list of the one value, or of none where the struct itself is null.
	const nested = meta.path_in_schema.length > 1;
	for (const part of data) for (let i = 0; i < part.length; i++) values.push(nested ? structField(part[i]) : part[i]);
	// Pages wholly before `from` are skipped, not decoded: the values start after them.
	return values.slice(from - skipped, to - skipped);
}

function structField(value: unknown): unknown {
	return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** The first row of each row group, and the row count after the last. */
export function rowGroupStarts(file: ParquetFile): number[] {
	const starts = [0];
	for (const group of file.metadata.row_groups) starts.push(starts.at(-1)! + Number(group.num_rows));
	return starts;
}

import {BillFileError} from './bill-error.js';
import {columnKey, quoted} from './bill-fields.js';

/** A column a format reads: its name, and the other names older or other versions of the file give it. */
export type ColumnSpec = {name: string; aliases?: readonly string[]; required: boolean};

/** Where each known column is in this file's header; absent optional columns are not in the map. */
export type ColumnMap<Name extends string> = {
	/** The field of `name` in a record, or undefined when the file lacks the column. */
	index: Partial<Record<Name, number>>;
	/** Header names as the file gives them, cleaned for messages. */
	names: string[];
};

/**
 * Finds the columns by their names, whatever their order; extra columns are ignored. A missing required
 * column is an error naming it.
 */
export function mapColumns<Name extends string>(
	header: {file: string; formatName: string; line: number; names: readonly string[]},
	specs: Record<Name, ColumnSpec>,
): ColumnMap<Name> {
	const {file, formatName, line: headerLine} = header;
	const keys = header.names.map(name => columnKey(name));
	const index: Partial<Record<Name, number>> = {};
	const missing: string[] = [];
	for (const [id, spec] of Object.entries(specs) as Array<[Name, ColumnSpec]>) {
		const wanted = new Set([spec.name, ...(spec.aliases ?? [])].map(name => columnKey(name)));
		const at = keys.findIndex(key => wanted.has(key));
		if (at === -1) {
			if (spec.required) {
				missing.push(spec.name);
			}
		} else {
			index[id] = at;
		}
	}

	if (missing.length > 0) {
		const plural = missing.length === 1 ? 'column' : 'columns';
		throw new BillFileError(
			`${file} is a ${formatName} without the ${plural} ${missing.join(', ')} (header on line ${headerLine})`,
			`Download the bill again from the platform without removing columns, or choose its format with --format.`,
		);
	}

	return {index, names: header.names.map(name => quoted(name))};
}

/** The field of a column in one record, '' when the file lacks the column or the record is short. */
export function fieldOf<Name extends string>(map: ColumnMap<Name>, fields: readonly string[], name: Name): string {
	const at = map.index[name];
	return at === undefined ? '' : (fields[at] ?? '');
}

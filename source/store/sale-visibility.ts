/**
 * The first hidden transaction id: rows from there on belong to an import that is publishing and is
 * not shown yet (schema-v7-import-visibility.ts). Without such an import, larger than every id.
 */
export const hiddenFromSql =
	'(SELECT coalesce(min(hidden_from), 9223372036854775807) FROM import_runs WHERE hidden_from IS NOT NULL)';

/**
 * The condition a reader of sales adds so an import's rows appear all at once, when it publishes.
 * `+` keeps the planner from choosing the rowid range over the index the query is built for.
 */
export function visibleSale(alias = 'transactions'): string {
	return `+${alias}.id < ${hiddenFromSql}`;
}

/**
 * Issue 12: a large import publishes its sales into `transactions` in short chunk transactions while
 * they are still hidden, then shows them all at once by one short transaction, so a void waits at most
 * one chunk and a file is still all rows or none. A run that is publishing holds `hidden_from`: the
 * first transaction id it wrote. Every reader skips ids from there on (sale-visibility.ts); only one
 * import runs at a time, so nothing else is written above it. The switch sets `hidden_from` to NULL.
 * A run that dies while publishing keeps its rows hidden until the next import deletes them.
 * `renumbered_*` keep the open batch's number before an import gave it the terminal's, to put it back
 * when the import does not publish; `created_batches` the batches it made for its sales (ids, comma
 * separated), removed then if they hold nothing. Staged rows move to a TEMP table of the importing connection
 * (import-staging-store.ts): the table in the file goes.
 * The last-four indexes hold card sales only: a QR sale has no card, and its entries (no last four, a
 * random amount) only cost every write a page, most of all an import's, for a search that never finds them.
 */
export const importVisibilityV7 = `
ALTER TABLE import_runs ADD COLUMN hidden_from INTEGER;
ALTER TABLE import_runs ADD COLUMN renumbered_batch_id INTEGER;
ALTER TABLE import_runs ADD COLUMN renumbered_from TEXT;
ALTER TABLE import_runs ADD COLUMN created_batches TEXT;
CREATE INDEX import_runs_hiding ON import_runs (hidden_from) WHERE hidden_from IS NOT NULL;
DROP INDEX import_staging_by_key;
DROP TABLE import_staging;
DROP INDEX transactions_by_last4;
CREATE INDEX transactions_by_last4 ON transactions (card_last4, amount, created_at) WHERE card_last4 IS NOT NULL;
DROP INDEX transactions_by_last4_time;
CREATE INDEX transactions_by_last4_time ON transactions (card_last4, created_at) WHERE card_last4 IS NOT NULL;
`;

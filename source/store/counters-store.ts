import type {SqlDatabase} from './sqlite-driver.js';

/** Named integer sequences, such as a terminal's last voucher number. */
export function createCountersStore(db: SqlDatabase) {
	const getStatement = db.prepare<[string], number>('SELECT value FROM counters WHERE name = ?').pluck();
	const setStatement = db.prepare<[string, number]>(
		'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
	);
	const raiseStatement = db.prepare<[{name: string; value: number}]>(
		'INSERT INTO counters (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)',
	);

	return {
		get(name: string): number {
			return getStatement.get(name) ?? 0;
		},
		set(name: string, value: number): void {
			setStatement.run(name, value);
		},
		/** Raises the counter to at least `value`. */
		raiseTo(name: string, value: number): void {
			raiseStatement.run({name, value});
		},
	};
}

export type CountersStore = ReturnType<typeof createCountersStore>;

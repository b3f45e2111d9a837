import type {OperatorRole} from '../domain/transaction.js';
import type {SqlDatabase} from './sqlite-driver.js';

export type OperatorRow = {
	operatorNo: string;
	name: string;
	role: OperatorRole;
	passwordHash: string;
	failedAttempts: number;
	lockedUntil: number | undefined;
	createdAt: number;
};

type RawOperator = Omit<OperatorRow, 'lockedUntil'> & {lockedUntil: number | null};

const columns = `operator_no AS operatorNo, name, role, password_hash AS passwordHash,
	failed_attempts AS failedAttempts, locked_until AS lockedUntil, created_at AS createdAt`;

function toOperator(row: RawOperator | undefined): OperatorRow | undefined {
	return row ? {...row, lockedUntil: row.lockedUntil ?? undefined} : undefined;
}

export function createOperatorsStore(db: SqlDatabase) {
	const byNo = db.prepare<[string], RawOperator>(`SELECT ${columns} FROM operators WHERE operator_no = ?`);
	const all = db.prepare<unknown[], RawOperator>(`SELECT ${columns} FROM operators ORDER BY operator_no`);
	const insertStatement = db.prepare<[string, string, string, string, number]>(
		'INSERT INTO operators (operator_no, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
	);
	const setPasswordStatement = db.prepare<[string, string]>(
		'UPDATE operators SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE operator_no = ?',
	);
	const recordFailureStatement = db.prepare<[number, number | null, string]>(
		'UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE operator_no = ?',
	);
	const clearFailuresStatement = db.prepare<[string]>(
		'UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE operator_no = ?',
	);
	const countStatement = db.prepare<unknown[], number>('SELECT count(*) FROM operators').pluck();

	return {
		get(operatorNo: string): OperatorRow | undefined {
			return toOperator(byNo.get(operatorNo));
		},
		list(): OperatorRow[] {
			return all.all().map(row => toOperator(row)!);
		},
		count(): number {
			return countStatement.get() ?? 0;
		},
		insert(operatorNo: string, name: string, role: OperatorRole, passwordHash: string, createdAt: number): void {
			insertStatement.run(operatorNo, name, role, passwordHash, createdAt);
		},
		setPassword(operatorNo: string, passwordHash: string): boolean {
			return setPasswordStatement.run(passwordHash, operatorNo).changes === 1;
		},
		/** Sets the failure count (the caller read it under the same write lock); `lockedUntil` set when this failure locks the operator. */
		recordFailure(operatorNo: string, failedAttempts: number, lockedUntil: number | undefined): void {
			recordFailureStatement.run(failedAttempts, lockedUntil ?? null, operatorNo);
		},
		/** After a successful sign-in or a supervisor's unlock. */
		clearFailures(operatorNo: string): boolean {
			return clearFailuresStatement.run(operatorNo).changes === 1;
		},
	};
}

export type OperatorsStore = ReturnType<typeof createOperatorsStore>;

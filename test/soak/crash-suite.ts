import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {openSqlite, type SqlDatabase} from '../../source/store/sqlite-driver.js';
import {migrate, posvoidApplicationId, schemaVersion} from '../../source/store/migrations.js';
import {openStore} from '../../source/store/store.js';
import {tempDirectory} from '../helpers/fixture.js';
import {readVoidInvariants} from '../helpers/void-invariants.js';
import {soakBinary} from './binary.js';
import {addNote, emptyFigures, noteHang, noteViolation, randomInt, type SuiteFigures} from './figures.js';
import {createSalesDatabase, writeImportCsv} from './sales-database.js';
import {exited, onLines, spawnWorker} from './worker-bundle.js';

/** A worker that has not said "ready" by then is counted as a hang. */
const startBoundMs = 20_000;

export type VoidCrashOptions = {
	rounds: number;
	/** Independent databases killed in parallel; each lane runs rounds / lanes. */
	lanes?: number;
	/** Sales per database; a lane starts a new database when fewer than `refillBelow` are left. */
	salesPerDatabase?: number;
	/** In the rounds killed after a delay, the kill comes 0 to this many ms after the worker says ready. */
	maxKillDelayMs?: number;
};

/**
 * Crash: a worker voids sales one by one, printing each acknowledged void, and is killed with SIGKILL at
 * a random moment. After every round the database is opened as the next program would open it and checked.
 */
export async function runVoidCrash(options: VoidCrashOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('crash: voids');
	const lanes = Math.max(1, Math.min(options.lanes ?? 1, options.rounds));
	const salesPerDatabase = options.salesPerDatabase ?? 3000;
	const maxKillDelayMs = options.maxKillDelayMs ?? 60;
	await Promise.all(
		Array.from({length: lanes}, async (_, lane) => {
			const rounds = Math.floor(options.rounds / lanes) + (lane < options.rounds % lanes ? 1 : 0);
			await crashLane(figures, rounds, salesPerDatabase, maxKillDelayMs);
		}),
	);
	return figures;
}

async function crashLane(figures: SuiteFigures, rounds: number, salesPerDatabase: number, maxKillDelayMs: number) {
	let database = createSalesDatabase(salesPerDatabase, 'posvoid-crash-');
	const acknowledged = new Map<number, string>();
	for (let round = 0; round < rounds; round++) {
		if (database.ids.length - acknowledged.size < salesPerDatabase / 10) {
			fs.rmSync(database.directory, {recursive: true, force: true});
			database = createSalesDatabase(salesPerDatabase, 'posvoid-crash-');
			acknowledged.clear();
			addNote(figures, 'databases');
		}

		const worker = await spawnWorker('void-loop', [database.file]);
		const exit = exited(worker);
		const kill = () => {
			worker.kill('SIGKILL');
		};

		// Three kinds of moment, in turn: while starting (one round in ten), a random time after ready,
		// and just after the n-th acknowledgement, so the kill lands inside the next void whatever its speed.
		const mode = round % 10 === 9 ? 'starting' : round % 2 === 0 ? 'after acks' : 'after a delay';
		const killAfterAcks = randomInt(1, 20);
		const timers: NodeJS.Timeout[] = [];
		if (mode === 'starting') {
			timers.push(setTimeout(kill, randomInt(0, 150)));
		}

		let ready = false;
		let acks = 0;
		const hangTimer = setTimeout(() => {
			noteHang(figures, `void crash round ${round}: the worker did not start within ${startBoundMs} ms`);
			kill();
		}, startBoundMs);
		timers.push(hangTimer);
		onLines(worker, line => {
			if (line === 'ready') {
				ready = true;
				clearTimeout(hangTimer);
				if (mode === 'after a delay') {
					timers.push(setTimeout(kill, randomInt(0, maxKillDelayMs)));
				}
			} else if (line.startsWith('acked ')) {
				const [, id, voucher] = line.split(' ');
				acknowledged.set(Number(id), voucher!);
				addNote(figures, 'acknowledged voids');
				acks++;
				if (mode === 'after acks' && acks === killAfterAcks) {
					timers.push(setTimeout(kill, randomInt(0, 3)));
				}
			}
		});
		const {signal, stderr} = await exit;
		for (const timer of timers) {
			clearTimeout(timer);
		}

		figures.cases++;
		if (signal === 'SIGKILL') {
			figures.faults++;
			addNote(figures, ready ? 'killed while voiding' : 'killed while starting');
		} else {
			addNote(figures, 'ran out of sales before the kill');
			if (stderr.trim() !== '') {
				noteViolation(figures, `void crash round ${round}: the worker failed: ${stderr.trim().slice(0, 300)}`);
			}
		}

		checkAfterCrash(figures, database.file, acknowledged, `void crash round ${round}`);
	}

	fs.rmSync(database.directory, {recursive: true, force: true});
}

/** Opens the database as the next program would and checks every void is whole or absent. */
function checkAfterCrash(figures: SuiteFigures, file: string, acknowledged: Map<number, string>, where: string) {
	let store;
	try {
		store = openStore(file, {create: false});
	} catch (error) {
		noteViolation(figures, `${where}: the database no longer opens: ${(error as Error).message}`);
		return;
	}

	try {
		const invariants = readVoidInvariants(store);
		const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
		const voidJobs = count(`SELECT count(*) FROM print_jobs WHERE kind = 'void-slip' AND reprint = 0`);
		if (invariants.integrity !== 'ok') {
			noteViolation(figures, `${where}: integrity_check says ${invariants.integrity}`);
		}

		if (!invariants.auditChainOk) {
			noteViolation(figures, `${where}: the audit chain does not verify`);
		}

		if (invariants.orphanVoids > 0 || invariants.voidPrintJobs !== invariants.voids || voidJobs !== invariants.voids) {
			noteViolation(
				figures,
				`${where}: voids ${invariants.voids}, voided sales ${invariants.voidedTransactions}, void slips ${voidJobs} (${invariants.voidPrintJobs} voids with one), orphans ${invariants.orphanVoids}`,
			);
		}

		const doubled =
			invariants.duplicateVouchers +
			Math.max(0, invariants.voids - invariants.voidedTransactions) +
			Math.max(0, voidJobs - invariants.voidPrintJobs);
		figures.duplicates += doubled;
		if (invariants.voidedTransactions > invariants.voids) {
			figures.losses += invariants.voidedTransactions - invariants.voids;
		}

		for (const [id, voucher] of acknowledged) {
			const row = store.voids.forTransaction(id);
			if (store.transactions.get(id)?.status !== 'voided' || row?.voucherNo !== voucher) {
				figures.losses++;
				noteViolation(figures, `${where}: acknowledged void ${voucher} of sale ${id} is missing or changed`);
			}
		}

		// A kill between the commit and the acknowledgement: the void stands; later rounds must keep it too.
		const onDisk = store.db.prepare('SELECT transaction_id AS id, voucher_no AS voucher FROM voids').all() as Array<{
			id: number;
			voucher: string;
		}>;
		for (const {id, voucher} of onDisk) {
			if (!acknowledged.has(id)) {
				acknowledged.set(id, voucher);
				addNote(figures, 'committed but killed before the acknowledgement');
			}
		}
	} finally {
		store.close();
	}
}

export type MigrationCrashOptions = {rounds: number; maxKillDelayMs?: number};

type FileState = 'empty' | `version ${number}` | 'mixed';

/**
 * Reads a database without migrating it. Consistent means its schema is exactly the one its
 * user_version names (none for 0): every migration and its version bump landed together or not at all.
 */
function migrationState(file: string, schemas: string[]): {state: FileState; detail: string} {
	const db = openSqlite(file, {fileMustExist: true});
	try {
		const userVersion = db.pragma('user_version', {simple: true}) as number;
		const applicationId = db.pragma('application_id', {simple: true}) as number;
		const schema = schemaText(db);
		const integrity = db.pragma('integrity_check', {simple: true}) as string;
		const schemaVersionFound = schemas.indexOf(schema);
		const detail = `user_version ${userVersion}, application_id ${applicationId}, integrity ${integrity}, schema of version ${schemaVersionFound === -1 ? 'none' : schemaVersionFound}`;
		if (integrity !== 'ok' || schemaVersionFound !== userVersion) {
			return {state: 'mixed', detail};
		}

		if (userVersion === 0) {
			return applicationId === 0 ? {state: 'empty', detail} : {state: 'mixed', detail};
		}

		return applicationId === posvoidApplicationId
			? {state: `version ${userVersion}`, detail}
			: {state: 'mixed', detail};
	} finally {
		db.close();
	}
}

/** The schema after each migration, from a reference database migrated one step at a time. */
function schemasByVersion(): string[] {
	const db = openSqlite(':memory:');
	const schemas = [schemaText(db)];
	migrate(db, version => {
		schemas[version] = schemaText(db);
	});
	db.close();
	return schemas;
}

function schemaText(db: SqlDatabase): string {
	return (
		db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all() as Array<{
			type: string;
			name: string;
			sql: string | undefined;
		}>
	)
		.map(row => `${row.type} ${row.name} ${row.sql ?? ''}`)
		.join('\n');
}

/**
 * Interrupted migration: a worker creates and migrates new databases in a loop and is killed at a
 * random moment. Every file it left must hold exactly the schema its user_version names (empty at 0),
 * and must open and finish migrating on the next start.
 */
export async function runMigrationCrash(options: MigrationCrashOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('crash: migration');
	const schemas = schemasByVersion();
	for (let round = 0; round < options.rounds; round++) {
		const directory = tempDirectory('posvoid-migration-');
		const worker = await spawnWorker('migrate', [directory, '400']);
		const exit = exited(worker);
		const timers: NodeJS.Timeout[] = [];
		const kill = () => {
			worker.kill('SIGKILL');
		};

		const hangTimer = setTimeout(() => {
			noteHang(figures, `migration round ${round}: the worker did not start within ${startBoundMs} ms`);
			kill();
		}, startBoundMs);
		timers.push(hangTimer);
		onLines(worker, line => {
			if (line === 'ready') {
				clearTimeout(hangTimer);
				timers.push(setTimeout(kill, randomInt(0, options.maxKillDelayMs ?? 120)));
			}
		});
		const {signal} = await exit;
		for (const timer of timers) {
			clearTimeout(timer);
		}

		figures.cases++;
		if (signal === 'SIGKILL') {
			figures.faults++;
		}

		const files = fs
			.readdirSync(directory)
			.filter(name => name.endsWith('.db'))
			.toSorted();
		for (const name of files) {
			const file = path.join(directory, name);
			const {state, detail} = migrationState(file, schemas);
			addNote(
				figures,
				`files left ${state === 'empty' || state === 'mixed' ? state : state === `version ${schemaVersion}` ? 'migrated' : 'at an older version'}`,
			);
			if (state === 'mixed') {
				noteViolation(figures, `migration round ${round}: ${name} is half migrated: ${detail}`);
				continue;
			}

			// A file killed before its first migration committed holds no posvoid tables: only init may make
			// it a database (issue 10: an empty file must never silently become one), and init must.
			if (state === 'empty') {
				try {
					openStore(file, {create: false}).close();
					noteViolation(figures, `migration round ${round}: ${name} is empty and was opened without init`);
				} catch (error) {
					if (!/is empty|has no posvoid tables/.test((error as Error).message)) {
						noteViolation(figures, `migration round ${round}: ${name}: ${(error as Error).message}`);
					}
				}
			}

			// The next program must open it (init an empty one, migrate an old one) and find it whole.
			try {
				const store = openStore(file, {create: state === 'empty'});
				const integrity = store.integrityCheck();
				store.close();
				if (integrity !== 'ok' || migrationState(file, schemas).state !== `version ${schemaVersion}`) {
					noteViolation(figures, `migration round ${round}: ${name} did not migrate cleanly on the next open`);
				}
			} catch (error) {
				noteViolation(figures, `migration round ${round}: ${name} does not open: ${(error as Error).message}`);
			}
		}

		fs.rmSync(directory, {recursive: true, force: true});
	}

	return figures;
}

export type ImportCrashOptions = {rounds: number; rows: number};

/** Whether the built binary has `posvoid import`; until it does, a worker calls the import service itself. */
async function binaryHasImport(): Promise<boolean> {
	const child = spawn(process.execPath, [soakBinary(), 'import', '--help']);
	const chunks: string[] = [];
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		chunks.push(chunk);
	});
	const code = await new Promise<number | undefined>(resolve => {
		child.once('close', code => {
			resolve(code ?? undefined);
		});
	});
	return code === 0 && chunks.join('').includes('posvoid import');
}

/**
 * Interrupted import: `posvoid import` of a large file is killed at a random moment; afterwards the
 * database holds every row of the file or none of them, and nothing else of the import.
 */
export async function runImportCrash(options: ImportCrashOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('crash: import');
	const viaBinary = await binaryHasImport();
	figures.notes['path'] = viaBinary ? 'posvoid import' : 'import service worker (binary has no import yet)';
	const folder = tempDirectory('posvoid-import-crash-');
	const csv = path.join(folder, 'sales.csv');
	writeImportCsv(csv, options.rows);
	const base = path.join(folder, 'base.db');
	openStore(base, {create: true}).close();

	const start = async (file: string) => {
		if (viaBinary) {
			const child = spawn(process.execPath, [soakBinary(), 'import', csv, '--db', file], {cwd: folder});
			return {child, exit: exitOf(child)};
		}

		const child = await spawnWorker('import', [file, csv]);
		return {child, exit: exited(child)};
	};

	// One whole import first, to know how long one takes and where to aim the kills.
	const whole = path.join(folder, 'whole.db');
	fs.copyFileSync(base, whole);
	const began = performance.now();
	const first = await start(whole);
	const firstExit = await first.exit;
	const durationMs = performance.now() - began;
	figures.notes['one import ms'] = Math.round(durationMs);
	const wholeCount = countRows(whole);
	if (firstExit.code !== 0 || wholeCount.transactions !== options.rows) {
		noteViolation(
			figures,
			`the uninterrupted import did not import ${options.rows} rows (exit ${firstExit.code}, ${wholeCount.transactions} rows): ${firstExit.stderr.slice(0, 300)}`,
		);
		fs.rmSync(folder, {recursive: true, force: true});
		return figures;
	}

	for (let round = 0; round < options.rounds; round++) {
		const file = path.join(folder, `round-${round}.db`);
		fs.copyFileSync(base, file);
		const {child, exit} = await start(file);
		const timer = setTimeout(
			() => {
				child.kill('SIGKILL');
			},
			randomInt(Math.round(durationMs * 0.3), Math.round(durationMs * 1.3)),
		);
		const {signal} = await exit;
		clearTimeout(timer);
		figures.cases++;
		if (signal === 'SIGKILL') {
			figures.faults++;
		}

		const after = countRows(file);
		if (after.integrity !== 'ok' || !after.auditOk) {
			noteViolation(figures, `import round ${round}: integrity ${after.integrity}, audit chain ok ${after.auditOk}`);
		}

		if (after.transactions === options.rows && after.batches === wholeCount.batches && after.importAudits === 1) {
			addNote(figures, 'all rows');
		} else if (after.transactions === 0 && after.batches === 0 && after.counters === 0 && after.importAudits === 0) {
			addNote(figures, after.hidden > 0 ? 'no rows (killed while writing, hidden)' : 'no rows');
			// What a killed import wrote is hidden and its batches are marked as its own: the next import
			// deletes them and imports every row, once.
			const again = await start(file);
			const againExit = await again.exit;
			const recovered = countRows(file);
			if (
				againExit.code !== 0 ||
				recovered.transactions !== options.rows ||
				recovered.hidden !== 0 ||
				recovered.batches !== wholeCount.batches ||
				recovered.importAudits !== 1
			) {
				figures.losses++;
				noteViolation(
					figures,
					`import round ${round}: the import after the kill left ${recovered.transactions} of ${options.rows} rows shown, ${recovered.hidden} hidden, ${recovered.batches} batches (exit ${againExit.code}): ${againExit.stderr.slice(0, 200)}`,
				);
			}
		} else {
			figures.losses++;
			noteViolation(
				figures,
				`import round ${round}: partial import: ${after.transactions} of ${options.rows} rows, ${after.batches} batches, ${after.importAudits} import audit rows`,
			);
		}

		fs.rmSync(file, {force: true});
		fs.rmSync(`${file}-wal`, {force: true});
		fs.rmSync(`${file}-shm`, {force: true});
	}

	fs.rmSync(folder, {recursive: true, force: true});
	return figures;
}

async function exitOf(child: ReturnType<typeof spawn>) {
	let stderr = '';
	child.stderr?.setEncoding('utf8');
	child.stderr?.on('data', (chunk: string) => {
		stderr += chunk;
	});
	return new Promise<{code: number | undefined; signal: NodeJS.Signals | undefined; stderr: string}>(resolve => {
		child.once('close', (code, signal) => {
			resolve({code: code ?? undefined, signal: signal ?? undefined, stderr});
		});
	});
}

function countRows(file: string) {
	const store = openStore(file, {create: false});
	try {
		const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
		return {
			integrity: store.integrityCheck(),
			auditOk: store.audit.verify().ok,
			// What a reader sees: an import killed while writing leaves its rows hidden (schema 7).
			transactions: store.transactions.count({}),
			hidden: count('SELECT count(*) FROM transactions') - store.transactions.count({}),
			// Batches, less those an unpublished import made for its sales (the next import removes them).
			batches:
				count('SELECT count(*) FROM batches') -
				(
					store.db
						.prepare(
							`SELECT created_batches FROM import_runs WHERE state <> 'published' AND created_batches IS NOT NULL`,
						)
						.pluck()
						.all() as string[]
				)
					.flatMap(list => list.split(','))
					.filter(Boolean).length,
			counters: count('SELECT count(*) FROM counters'),
			importAudits: count(`SELECT count(*) FROM audit_log WHERE event = 'import' AND result = 'ok'`),
		};
	} finally {
		store.close();
	}
}

import fs from 'node:fs';
import path from 'node:path';
import {authenticate} from '../../source/services/auth-service.js';
import {addOperator} from '../../source/services/operator-service.js';
import {printJob} from '../../source/services/print-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {DatabaseBusyError} from '../../source/store/store-errors.js';
import {openStore} from '../../source/store/store.js';
import {testScrypt} from '../helpers/fixture.js';
import {readVoidInvariants} from '../helpers/void-invariants.js';
import {testClock} from '../helpers/test-clock.js';
import {addNote, emptyFigures, noteHang, noteViolation, type SuiteFigures} from './figures.js';
import {createSalesDatabase, serviceContext} from './sales-database.js';
import {exited, onLines, spawnWorker} from './worker-bundle.js';

export type ContestOptions = {
	/** Sales contested in all; each round contests `perRound` of them. */
	sales: number;
	perRound?: number;
};

/** The order each worker takes the sales in: two the same way (head-on contention), one reversed, one shuffled. */
function orderFor(worker: number, ids: number[]): number[] {
	switch (worker % 4) {
		case 2: {
			return ids.toReversed();
		}

		case 3: {
			return ids.toSorted(() => Math.random() - 0.5);
		}

		default: {
			return ids;
		}
	}
}

/** Every sale voided by exactly one worker; every other answer "already voided"; no busy error or crash. */
function tallyAnswers(
	figures: SuiteFigures,
	{round, processes}: {round: number; processes: number},
	ids: number[],
	lines: string[],
): void {
	const outcomes = new Map<number, string[]>();
	for (const line of lines) {
		const [kind, id, ...rest] = line.split(' ');
		if (kind === 'done') {
			continue;
		}

		const list = outcomes.get(Number(id)) ?? [];
		list.push(kind === 'refused' ? `refused ${rest.join(' ')}` : kind!);
		outcomes.set(Number(id), list);
		if (kind === 'busy') {
			addNote(figures, 'busy errors shown');
			noteViolation(figures, `contest round ${round}: a clerk would see "${rest.join(' ')}"`);
		} else if (kind === 'error') {
			noteViolation(figures, `contest round ${round}: sale ${id}: ${rest.join(' ')}`);
		}
	}

	for (const id of ids) {
		const answers = outcomes.get(id) ?? [];
		const voided = answers.filter(answer => answer === 'voided').length;
		const losers = answers.filter(answer => answer !== 'voided');
		figures.cases++;
		figures.faults += answers.length - 1;
		if (voided === 0) {
			figures.losses++;
			noteViolation(figures, `contest round ${round}: sale ${id} was voided by nobody: ${answers.join(', ')}`);
		}

		figures.duplicates += Math.max(0, voided - 1);
		const wrong = losers.filter(answer => answer !== 'refused already-voided');
		if (wrong.length > 0 || answers.length !== processes) {
			noteViolation(figures, `contest round ${round}: sale ${id} answered ${answers.join(', ')}`);
		}
	}
}

/**
 * Concurrency: 2 to 4 processes void the same sales at the same moment. Each sale must be voided
 * exactly once, every other attempt must answer "already voided", and no busy error may reach a clerk.
 */
export async function runContest(options: ContestOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('concurrency: contested voids');
	const perRound = Math.min(options.perRound ?? 500, options.sales);
	const rounds = Math.ceil(options.sales / perRound);
	for (let round = 0; round < rounds; round++) {
		const count = Math.min(perRound, options.sales - round * perRound);
		const database = createSalesDatabase(count, 'posvoid-contest-');
		const processes = 2 + (round % 3);
		addNote(figures, `rounds with ${processes} processes`);
		const workers = await Promise.all(
			Array.from({length: processes}, async (_, index) => {
				const idsFile = path.join(database.directory, `ids-${index}.json`);
				fs.writeFileSync(idsFile, JSON.stringify(orderFor(index, database.ids)));
				const child = await spawnWorker('contest', [database.file, idsFile]);
				const lines: string[] = [];
				let readyResolve: () => void;
				const ready = new Promise<void>(resolve => {
					readyResolve = resolve;
				});
				onLines(child, line => {
					if (line === 'ready') {
						readyResolve();
					} else {
						lines.push(line);
					}
				});
				return {child, lines, ready, exit: exited(child)};
			}),
		);
		await Promise.all(workers.map(async worker => worker.ready));
		for (const worker of workers) {
			worker.child.stdin.end('go\n');
		}

		const exits = await Promise.all(workers.map(async worker => worker.exit));
		for (const [index, exit] of exits.entries()) {
			if (exit.code !== 0) {
				noteViolation(
					figures,
					`contest round ${round}: worker ${index} exited ${exit.code}: ${exit.stderr.slice(0, 300)}`,
				);
			}
		}

		tallyAnswers(
			figures,
			{round, processes},
			database.ids,
			workers.flatMap(worker => worker.lines),
		);

		const store = openStore(database.file, {create: false});
		const invariants = readVoidInvariants(store);
		store.close();
		if (
			invariants.integrity !== 'ok' ||
			!invariants.auditChainOk ||
			invariants.voids !== count ||
			invariants.voidedTransactions !== count ||
			invariants.voidPrintJobs !== count
		) {
			noteViolation(figures, `contest round ${round}: on disk ${JSON.stringify(invariants)} for ${count} sales`);
		}

		figures.duplicates += invariants.duplicateVouchers;
		fs.rmSync(database.directory, {recursive: true, force: true});
	}

	figures.notes['contested sales'] = figures.cases;
	figures.notes['losing attempts (all told already voided)'] = figures.faults;
	return figures;
}

export type LockHolderOptions = {
	rounds: number;
	busyTimeoutMs?: number;
};

/** Slack above the busy timeout before a call that waited for the lock counts as a hang. */
const busySlackMs = 1500;

/**
 * A process holds the write lock longer than the busy timeout (BEGIN IMMEDIATE, then sleeps). Every
 * write the counter makes meanwhile must end with DatabaseBusyError, "another program is using the
 * database", within about the busy timeout; once the lock is released the same write succeeds.
 */
export async function runLockHolder(options: LockHolderOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('concurrency: lock held past the busy timeout');
	const busyTimeoutMs = options.busyTimeoutMs ?? 400;
	let longestMs = 0;
	for (let round = 0; round < options.rounds; round++) {
		const database = createSalesDatabase(3, 'posvoid-lock-');
		const store = openStore(database.file, {create: false, busyTimeoutMs});
		const context = serviceContext(store, database.file, {
			printer: {
				...serviceContext(store, database.file).config.printer,
				host: '127.0.0.1',
				port: 9,
				connectTimeoutMs: 200,
				writeTimeoutMs: 200,
			},
		});
		await addOperator(context, {operatorNo: '01', name: 'Clerk', role: 'cashier', password: 'clerk-pass'}, testScrypt);
		const signedIn = await authenticate(context, '01', 'clerk-pass');
		if (!signedIn.ok) {
			throw new Error(signedIn.message);
		}

		const {operator} = signedIn;
		const first = voidTransaction(context, {transactionId: database.ids[0]!, operator, reason: 'lock test'});
		const jobId = first.ok ? first.printJobId : 0;

		const operations: Array<[string, () => Promise<unknown>]> = [
			['void', async () => voidTransaction(context, {transactionId: database.ids[1]!, operator, reason: 'lock test'})],
			['sign-in', async () => authenticate(context, '01', 'clerk-pass')],
			['wrong password', async () => authenticate(context, '01', 'wrong-pass')],
			['print', async () => printJob(context, jobId)],
			[
				'add operator',
				async () =>
					addOperator(
						context,
						{operatorNo: '02', name: 'Second', role: 'cashier', password: 'second-pass'},
						testScrypt,
					),
			],
		];
		// Released by the suite once every operation has answered; the limit only bounds a lost worker.
		const holdMs = operations.length * (busyTimeoutMs + busySlackMs) + 5000;
		const holder = await spawnWorker('lock-holder', [database.file, String(holdMs)]);
		const holderExit = exited(holder);
		let lockedResolve: () => void;
		const locked = new Promise<void>(resolve => {
			lockedResolve = resolve;
		});
		let released = false;
		onLines(holder, line => {
			if (line === 'locked') {
				lockedResolve();
			} else if (line === 'released') {
				released = true;
			}
		});
		await locked;
		for (const [name, operation] of operations) {
			const started = performance.now();
			let error: unknown;
			let answer: unknown;
			try {
				answer = await operation();
			} catch (error_) {
				error = error_;
			}

			const elapsed = performance.now() - started;
			longestMs = Math.max(longestMs, elapsed);
			figures.cases++;
			figures.faults++;
			if (released) {
				noteViolation(figures, `lock round ${round}: the holder let go before "${name}" finished; hold longer`);
			} else if (isBusyAnswer(answer)) {
				// The use cases the console calls answer 'busy' as data, so a screen can say it and go on.
				addNote(figures, `${name}: answered busy`);
			} else if (
				!(error instanceof DatabaseBusyError) ||
				!error.message.includes('another program is using the database')
			) {
				noteViolation(
					figures,
					`lock round ${round}: "${name}" under a held lock gave ${error === undefined ? 'no error' : (error as Error).message}`,
				);
			} else {
				addNote(figures, `${name}: DatabaseBusyError`);
			}

			if (elapsed > busyTimeoutMs + busySlackMs) {
				noteHang(
					figures,
					`lock round ${round}: "${name}" took ${Math.round(elapsed)} ms with a ${busyTimeoutMs} ms busy timeout`,
				);
			}
		}

		holder.stdin.end('release\n');
		await holderExit;
		// The lock is gone: the same void now goes through.
		const after = voidTransaction(context, {
			transactionId: database.ids[1]!,
			operator: {...operator, at: testClock()},
			reason: 'lock test',
		});
		if (!after.ok) {
			noteViolation(figures, `lock round ${round}: after the lock was released the void was refused: ${after.reason}`);
		}

		const invariants = readVoidInvariants(store);
		if (
			invariants.integrity !== 'ok' ||
			!invariants.auditChainOk ||
			invariants.voids !== 2 ||
			invariants.voidPrintJobs !== 2
		) {
			noteViolation(figures, `lock round ${round}: on disk ${JSON.stringify(invariants)}`);
		}

		store.close();
		fs.rmSync(database.directory, {recursive: true, force: true});
	}

	figures.notes['busy timeout ms'] = busyTimeoutMs;
	figures.notes['longest wait ms'] = Math.round(longestMs);
	return figures;
}

/** A use case's own answer for a busy database: a refusal or a print failure saying so, nothing written. */
function isBusyAnswer(answer: unknown): boolean {
	if (typeof answer !== 'object' || answer === null || (answer as {ok?: unknown}).ok !== false) {
		return false;
	}

	const {reason, failure} = answer as {reason?: string; failure?: {kind?: string}};
	return reason === 'busy' || failure?.kind === 'database-busy';
}

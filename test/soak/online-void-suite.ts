// Voids that reach the money, killed around the request: a `posvoid void` child SIGKILLed before it
// sends (while it loads the adapter and writes `requested`), after the platform received the request
// but before it answered, and just after the answer (before or during the commit), under every
// simulator fault in turn; then `posvoid voids --resolve` as the restart. After every round each
// sale was refunded at the simulator once or not at all, and posvoid says the same thing.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {defaultConfig} from '../../source/config.js';
import {simulatorFaults, type SimulatorFault} from '../../source/payments/simulator/simulator-faults.js';
import {addOperator} from '../../source/services/operator-service.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';
import {testScrypt, tempDirectory} from '../helpers/fixture.js';
import {
	addQrSale,
	onlinePayments,
	refundCount,
	startSimulator,
	writeOnlineConfig,
} from '../helpers/online-platforms.js';
import {clockEnvironment, testClock} from '../helpers/test-clock.js';
import {runPosvoid, soakBinary} from './binary.js';
import {addNote, emptyFigures, noteHang, noteViolation, randomInt, type SuiteFigures} from './figures.js';

export type OnlineVoidCrashOptions = {rounds: number};

type Phase = 'before send' | 'after send, before answer' | 'after answer' | 'not killed';
const phases: Phase[] = ['before send', 'after send, before answer', 'after answer', 'not killed'];

/** A void's child past this is a hang: the payments timeouts bound it to a few seconds. */
const childBoundMs = 20_000;

export async function runOnlineVoidCrash(options: OnlineVoidCrashOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('online voids: kills around the request');
	let onRequest: (() => void) | undefined;
	const simulator = await startSimulator(testClock);
	const original = simulator.setFault.bind(simulator);
	const directory = tempDirectory('posvoid-online-soak-');
	try {
		const db = path.join(directory, 'counter.db');
		const store = openStore(db, {create: true});
		const context = createServiceContext(
			store,
			{
				...defaultConfig(),
				database: db,
				payments: onlinePayments(simulator, {connectTimeoutMs: 500, totalTimeoutMs: 800}),
			},
			{now: testClock},
		);
		await addOperator(context, {operatorNo: '01', name: 'Li', role: 'cashier', password: 'clerk-pass'}, testScrypt);
		const config = writeOnlineConfig(directory, simulator);
		// Short timeouts keep the no-answer rounds quick; the file the child reads says the same.
		const written = JSON.parse(fs.readFileSync(config, 'utf8')) as {payments: Record<string, unknown>};
		written.payments['connectTimeoutMs'] = 500;
		written.payments['totalTimeoutMs'] = 800;
		fs.writeFileSync(config, JSON.stringify(written), {mode: 0o600});
		soakBinary();
		simulatorWithRequests(simulator, () => onRequest?.());
		const sales: Array<{id: number; platformOrderNo: string}> = [];
		for (let round = 0; round < options.rounds; round++) {
			const fault: SimulatorFault | undefined = [undefined, ...simulatorFaults][round % (simulatorFaults.length + 1)];
			const phase = phases[Math.floor(round / (simulatorFaults.length + 1)) % phases.length]!;
			const sale = addQrSale(context, simulator, round % 2 === 0 ? 'wechat' : 'alipay');
			sales.push(sale);
			original({fault, count: 1, delayMs: 300});
			const child = spawn(
				process.execPath,
				[
					soakBinary(),
					'void',
					sale.voucherNo,
					'--operator',
					'01',
					'--reason',
					'soak',
					'--password-stdin',
					'--no-print',
					'--db',
					db,
					'--config',
					config,
					'--lang',
					'en',
				],
				{env: {...process.env, LANG: 'en_US.UTF-8', ...clockEnvironment()}},
			);
			child.stdin.end('clerk-pass\n');
			const kill = () => {
				child.kill('SIGKILL');
			};

			const timers: NodeJS.Timeout[] = [];
			let stdout = '';
			child.stdout.on('data', (chunk: Uint8Array) => {
				stdout += Buffer.from(chunk).toString('utf8');
				if (phase === 'before send' && stdout.includes('sending to') && timers.length === 0) {
					timers.push(setTimeout(kill, randomInt(0, 40)));
				}
			});
			child.stderr.resume();
			// eslint-disable-next-line @typescript-eslint/no-loop-func -- this round's hook, cleared before the next
			onRequest = () => {
				if (phase === 'after send, before answer') {
					timers.push(setTimeout(kill, randomInt(0, 2)));
				} else if (phase === 'after answer') {
					timers.push(setTimeout(kill, randomInt(3, 25)));
				}

				onRequest = undefined;
			};

			const hang = setTimeout(() => {
				noteHang(figures, `round ${round} (${fault ?? 'no fault'}, ${phase}): the void ran past ${childBoundMs} ms`);
				kill();
			}, childBoundMs);

			const signal = await new Promise<string | undefined>(resolve => {
				child.once('exit', (_code, exitSignal) => {
					resolve(exitSignal ?? undefined);
				});
			});
			clearTimeout(hang);
			for (const timer of timers) {
				clearTimeout(timer);
			}

			onRequest = undefined;
			figures.cases++;
			if (fault) {
				figures.faults++;
			}

			if (signal === 'SIGKILL') {
				figures.faults++;
				addNote(figures, `killed ${phase}`);
			} else {
				addNote(figures, 'not killed');
			}

			original({fault: undefined});
			// The restart: ask the platform about everything left requested or in doubt.

			const resolved = await runPosvoid(['voids', '--resolve', '--db', db, '--config', config, '--lang', 'en']);
			if (resolved.code !== 0) {
				addNote(figures, 'resolve passes not clean');
			}

			checkRound(figures, store, simulator, sales, `round ${round} (${fault ?? 'no fault'}, ${phase})`);
		}

		const open = store.voidRequests.openCount();
		figures.notes['stuck in doubt after resolution'] = open;
		const books = await runPosvoid(['audit', '--verify', '--db', db, '--config', config, '--lang', 'en']);
		if (books.code !== 0) {
			noteViolation(figures, `audit --verify failed: ${books.stdout}${books.stderr}`);
		}

		for (const state of ['approved', 'declined'] as const) {
			figures.notes[`voids ${state}`] = store.voidRequests.recent(state, 100_000).length;
		}

		store.close();
	} finally {
		await simulator.close();
		fs.rmSync(directory, {recursive: true, force: true});
	}

	figures.notes['lost'] = figures.losses;
	figures.notes['doubled'] = figures.duplicates;
	return figures;
}

/**
 * The moment the simulator counts a void request it received: the moment to aim the "after send" kills
 * at. Its request hook is fixed at start, so the ledger's count is wrapped instead.
 */
function simulatorWithRequests(simulator: Awaited<ReturnType<typeof startSimulator>>, onRequest: () => void): void {
	const ledger = simulator.ledger as unknown as {countRequest: (key: string) => void};
	const count = ledger.countRequest.bind(ledger);
	ledger.countRequest = (key: string) => {
		count(key);
		onRequest();
	};
}

function checkRound(
	figures: SuiteFigures,
	store: ReturnType<typeof openStore>,
	simulator: Awaited<ReturnType<typeof startSimulator>>,
	sales: Array<{id: number; platformOrderNo: string}>,
	where: string,
): void {
	for (const sale of sales) {
		const refunds = refundCount(simulator, sale.platformOrderNo);
		const status = store.transactions.get(sale.id)?.status;
		const open = store.voidRequests.openForSale(sale.id);
		if (refunds > 1) {
			figures.duplicates++;
			noteViolation(figures, `${where}: sale ${sale.id} refunded ${refunds} times`);
		}

		if (open) {
			noteViolation(figures, `${where}: sale ${sale.id} still ${open.state} after resolution (${open.detail})`);
			continue;
		}

		if (refunds >= 1 && status !== 'voided') {
			figures.losses++;
			noteViolation(figures, `${where}: sale ${sale.id} refunded at the platform but ${status ?? 'missing'} here`);
		}

		if (refunds === 0 && status === 'voided') {
			noteViolation(figures, `${where}: sale ${sale.id} voided here but never refunded at the platform`);
		}
	}
}

import test from 'ava';
import {openStore} from '../../source/store/store.js';
import {collect, spawnTs} from '../helpers/child-process.js';
import {addSale, addTestOperator, openFixture} from '../helpers/fixture.js';
import {readVoidInvariants} from '../helpers/void-invariants.js';

const rounds = Number(process.env['POSVOID_CRASH_ROUNDS'] ?? 12);

test(`a process killed with SIGKILL in the middle of voids leaves every void whole or absent (${rounds} rounds)`, async t => {
	const {context, file, close} = openFixture();
	await addTestOperator(context, '01', 'cashier');
	for (let index = 0; index < rounds * 40; index++) {
		addSale(context, {voucherNo: String(index + 1).padStart(6, '0')});
	}

	close();
	const acknowledged = new Set<string>();
	for (let round = 0; round < rounds; round++) {
		const worker = spawnTs('test/helpers/void-loop-worker.ts', [file]);
		const killAfter = 1 + Math.floor(Math.random() * 20);
		const done = collect(worker);
		let acks = 0;
		let pending = '';
		const refusals: string[] = [];
		worker.stdout.on('data', (chunk: string) => {
			pending += chunk;
			const lines = pending.split('\n');
			pending = lines.pop()!;
			for (const line of lines) {
				if (line.startsWith('acked ')) {
					acknowledged.add(line.split(' ')[1]!);
					acks++;
				} else if (line.startsWith('refused ')) {
					refusals.push(line);
				}

				// The worker never ends by itself: once out of sales it says so and waits, so the kill
				// lands whether it is still voiding or has run out of work.
				if (acks >= killAfter || line === 'idle') {
					worker.kill('SIGKILL');
				}
			}
		});
		const {signal, stderr} = await done;
		t.is(signal, 'SIGKILL', `round ${round} ended by itself: ${stderr}`);
		t.deepEqual(refusals, [], `round ${round}: the worker's clock must be the test's`);

		const store = openStore(file, {create: false});
		const invariants = readVoidInvariants(store);
		const missing = [...acknowledged].filter(id => store.transactions.get(Number(id))?.status !== 'voided');
		store.close();
		t.deepEqual(
			{...invariants, missing: missing.length},
			{
				integrity: 'ok',
				voids: invariants.voidedTransactions,
				voidedTransactions: invariants.voidedTransactions,
				voidPrintJobs: invariants.voidedTransactions,
				duplicateVouchers: 0,
				orphanVoids: 0,
				auditChainOk: true,
				missing: 0,
			},
			`round ${round}`,
		);
	}

	t.true(acknowledged.size >= rounds);
});

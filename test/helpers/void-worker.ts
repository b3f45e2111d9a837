// A separate process that voids transactions on a shared database file, for the concurrency and
// crash tests. Arguments: DB_FILE ID... ; prints "voided ID VOUCHER" or "refused ID REASON" per line.
// Its clock is the test's (POSVOID_CLOCK, inherited from the test), never the wall clock.
import {defaultConfig} from '../../source/config.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {openStore} from '../../source/store/store.js';

const [file, ...ids] = process.argv.slice(2);
const store = openStore(file!, {create: false, busyTimeoutMs: 10_000});
const context = createServiceContext(store, {...defaultConfig(), database: file!});
const operator = {operatorNo: '01', name: 'worker', role: 'cashier' as const};
// Wait for the go signal on stdin so several workers start at the same moment.
process.stdin.once('data', () => {
	for (const id of ids) {
		const outcome = voidTransaction(context, {
			transactionId: Number(id),
			operator: {...operator, at: context.now()},
			reason: 'test',
		});
		process.stdout.write(outcome.ok ? `voided ${id} ${outcome.void.voucherNo}\n` : `refused ${id} ${outcome.reason}\n`);
	}

	store.close();
	process.exit(0);
});
process.stdout.write('ready\n');

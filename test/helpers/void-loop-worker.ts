// Voids every completed sale of a database one by one, printing "acked ID VOUCHER" after each commit
// and "refused ID REASON" for a sale it may not void. When none is left it prints "idle" and waits to
// be killed: the crash tests always end it with SIGKILL, however fast it ran. Its clock is the test's
// (POSVOID_CLOCK, inherited from the test), never the wall clock.
import {defaultConfig} from '../../source/config.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {openStore} from '../../source/store/store.js';

const [file] = process.argv.slice(2);
const store = openStore(file!, {create: false});
const context = createServiceContext(store, {...defaultConfig(), database: file!});
process.stdout.write('ready\n');
for (const transaction of store.transactions.page({status: 'completed'}, undefined, 'older', 100_000)) {
	const outcome = voidTransaction(context, {
		transactionId: transaction.id,
		operator: {operatorNo: '01', name: 'worker', role: 'cashier', at: context.now()},
		reason: 'crash test',
	});
	process.stdout.write(
		outcome.ok
			? `acked ${transaction.id} ${outcome.void.voucherNo}\n`
			: `refused ${transaction.id} ${outcome.reason}\n`,
	);
}

store.close();
process.stdout.write('idle\n');
// Stay alive until the test kills it; a worker that ended by itself would not test a crash.
setInterval(() => undefined, 60_000);

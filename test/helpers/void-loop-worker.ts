// Voids every completed sale of a database one by one, printing "acked ID VOUCHER" after each commit,
// until there are none left or it is killed. Used by the crash tests.
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
		operator: {operatorNo: '01', name: 'worker', role: 'cashier', at: Date.now()},
		reason: 'crash test',
	});
	if (outcome.ok) {
		process.stdout.write(`acked ${transaction.id} ${outcome.void.voucherNo}\n`);
	}
}

store.close();

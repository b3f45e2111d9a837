// One of several processes voiding the same sales at once. Arguments: DB_FILE IDS_JSON_FILE.
// Waits for a line on stdin (the go signal), then prints per sale "voided ID VOUCHER",
// "refused ID REASON", "busy ID MESSAGE" (a DatabaseBusyError a clerk would see) or "error ID MESSAGE".
import fs from 'node:fs';
import {defaultConfig} from '../../../source/config.js';
import {createServiceContext} from '../../../source/services/service-context.js';
import {voidTransaction} from '../../../source/services/void-service.js';
import {DatabaseBusyError} from '../../../source/store/store-errors.js';
import {openStore} from '../../../source/store/store.js';
import {testClock} from '../../helpers/test-clock.js';

const [file, idsFile] = process.argv.slice(2);
const ids = JSON.parse(fs.readFileSync(idsFile!, 'utf8')) as number[];
const store = openStore(file!, {create: false});
const context = createServiceContext(store, {...defaultConfig(), database: file!});
process.stdin.once('data', () => {
	const lines: string[] = [];
	for (const id of ids) {
		try {
			const outcome = voidTransaction(context, {
				transactionId: id,
				operator: {operatorNo: '01', name: 'worker', role: 'cashier', at: testClock()},
				reason: 'contest',
			});
			lines.push(outcome.ok ? `voided ${id} ${outcome.void.voucherNo}` : `refused ${id} ${outcome.reason}`);
		} catch (error) {
			const message = (error as Error).message.replaceAll('\n', ' ');
			lines.push(error instanceof DatabaseBusyError ? `busy ${id} ${message}` : `error ${id} ${message}`);
		}
	}

	store.close();
	process.stdout.write(lines.join('\n') + '\ndone\n');
	process.exit(0);
});
process.stdout.write('ready\n');

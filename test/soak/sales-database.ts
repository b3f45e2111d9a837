import fs from 'node:fs';
import path from 'node:path';
import {defaultConfig, type Config} from '../../source/config.js';
import {maskCard} from '../../source/domain/card-mask.js';
import {ensureOpenBatch} from '../../source/services/batch-service.js';
import {createServiceContext, type ServiceContext} from '../../source/services/service-context.js';
import {openStore, type Store} from '../../source/store/store.js';
import {tempDirectory} from '../helpers/fixture.js';
import {testClock} from '../helpers/test-clock.js';

export type SalesDatabase = {directory: string; file: string; ids: number[]};

/** A real database in a temp folder with `count` completed sales of the open batch, made a minute ago. */
export function createSalesDatabase(count: number, prefix = 'posvoid-soak-'): SalesDatabase {
	const directory = tempDirectory(prefix);
	const file = path.join(directory, 'posvoid.db');
	const store = openStore(file, {create: true});
	try {
		const ids = addSales(serviceContext(store, file), count);
		return {directory, file, ids};
	} finally {
		store.close();
	}
}

export function serviceContext(store: Store, file: string, config: Partial<Config> = {}): ServiceContext {
	return createServiceContext(store, {...defaultConfig(), ...config, database: file});
}

/** Inserts `count` completed sales in one transaction; voucher numbers continue from the highest one there. */
export function addSales(context: ServiceContext, count: number): number[] {
	const {store, config} = context;
	const batch = ensureOpenBatch(context);
	const createdAt = context.now() - 60_000;
	return store.immediate(() => {
		const start = (store.db.prepare('SELECT count(*) FROM transactions').pluck().get() as number) + 1;
		const ids: number[] = [];
		for (let index = start; index < start + count; index++) {
			const voucherNo = String(index).padStart(6, '0');
			ids.push(
				store.transactions.insert(
					{
						voucherNo,
						referenceNo: `331125${voucherNo}`,
						authCode: 'A1B2C3',
						batchNo: batch.batchNo,
						terminalId: config.terminalId,
						merchantId: config.merchant.number,
						channel: index % 3 === 0 ? 'wechat' : 'debit',
						cardMasked: maskCard('6228480000000018'),
						amount: 1000 + (index % 400) * 25,
						fee: 5,
						currency: 'CNY',
						createdAt,
						operatorNo: '01',
					},
					batch.id,
				),
			);
		}

		return ids;
	});
}

/** Full card numbers that pass for real ones; they must never be found in anything posvoid writes. */
export const fullCardNumbers = ['6228480402564890018', '4111111111111111', '6212262201000123456', '5555555555554444'];

/** A CSV import file of `rows` valid sales with full card numbers, for the given terminal, all in its first batch (a counter has one open batch). */
export function writeImportCsv(file: string, rows: number, terminalId = defaultConfig().terminalId): void {
	const header =
		'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';
	const lines = [header];
	const base = testClock() - 3_600_000;
	for (let index = 1; index <= rows; index++) {
		const voucherNo = String(index).padStart(6, '0');
		const channel = ['debit', 'credit', 'wechat', 'alipay', 'unionpay_qr'][index % 5]!;
		const card = channel === 'wechat' || channel === 'alipay' ? `oPayer${index}x` : fullCardNumbers[index % 4]!;
		const at = new Date(base + index * 100).toISOString().replace('Z', '+00:00');
		lines.push(
			`${voucherNo},2511${String(index).padStart(8, '0')},A${String(index % 99_999).padStart(5, '0')},000001,${terminalId},898440358120011,${channel},${card},${(10 + (index % 900)).toFixed(2)},CNY,${at},01`,
		);
	}

	fs.writeFileSync(file, lines.join('\n') + '\n');
}

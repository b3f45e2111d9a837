import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {defaultConfig, type Config} from '../../source/config.js';
import {maskCard} from '../../source/domain/card-mask.js';
import type {Channel} from '../../source/domain/transaction.js';
import {authenticate, type Authenticated} from '../../source/services/auth-service.js';
import {ensureOpenBatch} from '../../source/services/batch-service.js';
import {addOperator} from '../../source/services/operator-service.js';
import {createServiceContext, type ServiceContext} from '../../source/services/service-context.js';
import {openStore, type Store} from '../../source/store/store.js';
import {testClockStart} from './test-clock.js';

/** Cheap scrypt for tests that create many operators; the stored parameters make verification follow. */
export const testScrypt = {log2N: 10, r: 8, p: 1};

/** Where a fixture's clock starts: the test clock's start, which every process the test starts shares. */
export const fixtureNow = testClockStart;

export function tempDirectory(prefix = 'posvoid-test-'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type Fixture = {
	directory: string;
	file: string;
	store: Store;
	context: ServiceContext;
	clock: {now: number};
	close: () => void;
};

/** A real SQLite file in a temp folder, with a clock the test moves. */
export function openFixture(overrides: Partial<Config> = {}): Fixture {
	const directory = tempDirectory();
	const file = path.join(directory, 'posvoid.db');
	const store = openStore(file, {create: true});
	const clock = {now: fixtureNow};
	const config = {...defaultConfig(), database: file, ...overrides};
	const context = createServiceContext(store, config, {now: () => clock.now});
	return {
		directory,
		file,
		store,
		context,
		clock,
		close() {
			store.close();
		},
	};
}

export async function addTestOperator(
	context: ServiceContext,
	operatorNo: string,
	role: 'cashier' | 'supervisor',
	password = 'secret12',
): Promise<Authenticated> {
	await addOperator(context, {operatorNo, name: `Operator ${operatorNo}`, role, password}, testScrypt);
	const result = await authenticate(context, operatorNo, password);
	if (!result.ok) {
		throw new Error(result.message);
	}

	return result.operator;
}

let nextVoucher = 100;

export type SaleOverrides = Partial<{
	voucherNo: string;
	referenceNo: string;
	channel: Channel;
	card: string;
	amount: number;
	createdAt: number;
	terminalId: string;
	batchNo: string;
}>;

/** Inserts one completed sale in the terminal's open batch (or the named one) and returns its id. */
export function addSale(context: ServiceContext, overrides: SaleOverrides = {}): number {
	const {store, config} = context;
	const batch =
		overrides.batchNo === undefined
			? ensureOpenBatch(context)
			: (store.batches.byNumber(config.terminalId, overrides.batchNo) ?? ensureOpenBatch(context));
	nextVoucher++;
	const voucherNo = overrides.voucherNo ?? String(nextVoucher).padStart(6, '0');
	return store.immediate(() =>
		store.transactions.insert(
			{
				voucherNo,
				referenceNo: overrides.referenceNo ?? `3311250${voucherNo.slice(1)}`.padEnd(12, '0').slice(0, 12),
				authCode: 'A1B2C3',
				batchNo: batch.batchNo,
				terminalId: overrides.terminalId ?? config.terminalId,
				merchantId: config.merchant.number,
				channel: overrides.channel ?? 'debit',
				cardMasked: maskCard(overrides.card ?? '6228480000000018'),
				amount: overrides.amount ?? 12_850,
				fee: 64,
				currency: 'CNY',
				createdAt: overrides.createdAt ?? context.now() - 60_000,
				operatorNo: '01',
			},
			batch.id,
		),
	);
}

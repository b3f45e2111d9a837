// A payment platform simulator on a free port of 127.0.0.1 with real demo key files (owner-only, in a
// temp folder), the payments settings that reach it, and QR sales seeded on both sides.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Config} from '../../source/config.js';
import type {PaymentsConfig} from '../../source/config-payments.js';
import {channels, type Channel} from '../../source/domain/transaction.js';
import {
	demoLinks,
	ensureDemoKeys,
	simulatorKeysFrom,
	type DemoKeyFiles,
} from '../../source/payments/simulator/demo-keys.js';
import {startPlatformSimulator, type PlatformSimulator} from '../../source/payments/simulator/platform-simulator.js';
import type {ServiceContext} from '../../source/services/service-context.js';
import {ensureOpenBatch} from '../../source/services/batch-service.js';
import {testClock} from './test-clock.js';

let files: DemoKeyFiles | undefined;
let keyFolder: string | undefined;

/** One set of demo keys per process: generating RSA keys is the slow part. */
export function demoKeyFiles(): DemoKeyFiles {
	if (!files) {
		keyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'posvoid-keys-'));
		process.on('exit', () => {
			fs.rmSync(keyFolder!, {recursive: true, force: true});
		});
		files = ensureDemoKeys(keyFolder);
	}

	return files;
}

/** Short timeouts, so a void the simulator never answers is in doubt within a second and a half. */
export const testTimeouts = {connectTimeoutMs: 1000, totalTimeoutMs: 1500};

export async function startSimulator(now: () => number = testClock): Promise<PlatformSimulator> {
	return startPlatformSimulator({keys: simulatorKeysFrom(demoKeyFiles()), now});
}

/** WeChat Pay and Alipay online, cards terminal-assisted, UnionPay QR record-only. */
export function onlinePayments(simulator: PlatformSimulator, timeouts = testTimeouts): PaymentsConfig {
	const modes = Object.fromEntries(channels.map(channel => [channel, 'record-only'])) as PaymentsConfig['modes'];
	return {
		...timeouts,
		modes: {...modes, alipay: 'online', wechat: 'online', debit: 'terminal-assisted', credit: 'terminal-assisted'},
		...demoLinks(demoKeyFiles(), simulator.url),
	};
}

/** A configuration file for the binary that reaches the simulator. */
export function writeOnlineConfig(folder: string, simulator: PlatformSimulator, extra: Partial<Config> = {}): string {
	const file = path.join(folder, 'config.json');
	fs.writeFileSync(file, JSON.stringify({...extra, payments: onlinePayments(simulator)}, undefined, 2), {mode: 0o600});
	return file;
}

let sequence = 0;

/** A QR sale of this terminal's open batch with its order numbers, seeded at the simulator. Returns its id. */
export function addQrSale(
	context: ServiceContext,
	simulator: PlatformSimulator,
	channel: Extract<Channel, 'wechat' | 'alipay'>,
	options: {amount?: number; createdAt?: number; voucherNo?: string} = {},
): {id: number; voucherNo: string; platformOrderNo: string} {
	sequence++;
	const number = String(sequence + (process.pid % 1000) * 1000).padStart(9, '0');
	const platformOrderNo = channel === 'wechat' ? `420000123420261125${number}` : `202611252200140${number}`;
	const merchantOrderNo = `PV${context.config.terminalId}${number}`;
	const amount = options.amount ?? 12_850;
	const voucherNo = options.voucherNo ?? String(400 + sequence).padStart(6, '0');
	const batch = ensureOpenBatch(context);
	const id = context.store.immediate(() =>
		context.store.transactions.insert(
			{
				voucherNo,
				referenceNo: `3311250${voucherNo.slice(1)}`,
				authCode: '',
				batchNo: batch.batchNo,
				terminalId: context.config.terminalId,
				merchantId: context.config.merchant.number,
				channel,
				cardMasked: 'oUp***9aX2',
				amount,
				fee: 78,
				currency: 'CNY',
				createdAt: options.createdAt ?? context.now() - 60_000,
				operatorNo: '01',
				platformOrderNo,
				merchantOrderNo,
			},
			batch.id,
		),
	);
	simulator.seed({platform: channel, platformOrderNo, merchantOrderNo, total: amount});
	return {id, voucherNo, platformOrderNo};
}

/**
 * How many times the simulator moved money back for the sale, under any key: a WeChat Pay or Alipay
 * refund is keyed by the void's key, an Alipay cancel by the sale's merchant order number.
 */
export function refundCount(simulator: PlatformSimulator, platformOrderNo: string): number {
	return simulator.ledger
		.refundsOfSale(platformOrderNo)
		.reduce((sum, refund) => sum + simulator.ledger.refundsByKey(refund.key), 0);
}

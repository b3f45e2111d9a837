import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {channels} from '../../source/domain/transaction.js';
import {openPaymentAdapter, type PaymentMode, type PaymentsSettings} from '../../source/payments/open-adapter.js';
import type {PaymentExchange, PaymentSale} from '../../source/payments/payment-adapter.js';
import {
	demoLinks,
	ensureDemoKeys,
	simulatorKeysFrom,
	type DemoKeyFiles,
} from '../../source/payments/simulator/demo-keys.js';
import {startPlatformSimulator, type PlatformSimulator} from '../../source/payments/simulator/platform-simulator.js';
import {testClock} from '../helpers/test-clock.js';

/** One set of demo keys for the whole test file: RSA key generation is the slow part. */
const keyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'posvoid-keys-'));
process.on('exit', () => {
	fs.rmSync(keyFolder, {recursive: true, force: true});
});
let files: DemoKeyFiles | undefined;
export function demoKeyFiles(): DemoKeyFiles {
	files ??= ensureDemoKeys(keyFolder);
	return files;
}

export type Platforms = {
	simulator: PlatformSimulator;
	settings: PaymentsSettings;
	exchanges: PaymentExchange[];
	adapter: (channel: 'alipay' | 'wechat') => ReturnType<typeof openPaymentAdapter>;
};

/** A simulator on a free port of 127.0.0.1, on the test's clock, closed when the test ends. */
const testTimeouts = {connectTimeoutMs: 1000, totalTimeoutMs: 1500};

export async function startPlatforms(t: ExecutionContext, timeouts = testTimeouts): Promise<Platforms> {
	const keyFiles = demoKeyFiles();
	const simulator = await startPlatformSimulator({keys: simulatorKeysFrom(keyFiles), now: testClock});
	t.teardown(async () => simulator.close());
	const modes = Object.fromEntries(channels.map(channel => [channel, 'record-only'])) as Record<
		(typeof channels)[number],
		PaymentMode
	>;
	const settings: PaymentsSettings = {
		...timeouts,
		modes: {...modes, alipay: 'online', wechat: 'online', debit: 'terminal-assisted', credit: 'terminal-assisted'},
		...demoLinks(keyFiles, simulator.url),
	};
	const exchanges: PaymentExchange[] = [];
	return {
		simulator,
		settings,
		exchanges,
		adapter: channel =>
			openPaymentAdapter(channel, settings, {
				onExchange(exchange) {
					exchanges.push(exchange);
				},
			}),
	};
}

let sequence = 0;

/** A QR sale of ¥128.50 made `ageMs` before the test clock's now, seeded at the simulator. */
export function qrSale(platforms: Platforms, channel: 'alipay' | 'wechat', ageMs = 60_000): PaymentSale {
	sequence++;
	const number = String(sequence).padStart(6, '0');
	const sale: PaymentSale = {
		channel,
		voucherNo: number,
		referenceNo: `000000${number}`,
		terminalId: '10293847',
		batchNo: '000001',
		total: 12_850,
		currency: 'CNY',
		createdAt: testClock() - ageMs,
		platformOrderNo: channel === 'wechat' ? `42000012342026112500000${number}` : `2026112522001400000${number}`,
		merchantOrderNo: `PV10293847${number}`,
	};
	platforms.simulator.seed({
		platform: channel,
		platformOrderNo: sale.platformOrderNo!,
		merchantOrderNo: sale.merchantOrderNo!,
		total: sale.total,
	});
	return sale;
}

export function voidKey(sale: PaymentSale): string {
	return `V${sale.terminalId}${sale.batchNo}${sale.voucherNo}`;
}

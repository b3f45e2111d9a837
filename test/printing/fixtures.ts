import type {PrinterProfile} from '../../source/config.js';
import type {PrinterAddress} from '../../source/printing/printer-transport.js';
import type {VoidSlipInput} from '../../source/printing/void-slip.js';

/** The void of slip-example.md: 2026-11-25 17:30:12 in Shanghai. */
export function sampleVoid(overrides: Partial<VoidSlipInput> = {}): VoidSlipInput {
	return {
		merchantName: '示例便利店',
		merchantNo: '898440358120011',
		terminalId: '10293847',
		operatorNo: '01',
		cardMasked: '622848******0018',
		channel: 'debit',
		batchNo: '000007',
		voucherNo: '000124',
		authCode: 'A1B2C3',
		referenceNo: '331125000101',
		createdAt: Date.UTC(2026, 10, 25, 9, 30, 12),
		timeZone: 'Asia/Shanghai',
		amount: 12_850,
		currency: 'CNY',
		originalVoucherNo: '000101',
		reason: '顾客取消 Customer cancelled',
		approverNo: '00',
		...overrides,
	};
}

export function profile(overrides: Partial<PrinterProfile> = {}): PrinterProfile {
	return {
		host: '127.0.0.1',
		port: 9100,
		columns: 32,
		encoding: 'gb18030',
		nativeQr: true,
		copies: 2,
		cut: true,
		connectTimeoutMs: 300,
		writeTimeoutMs: 300,
		status: 'dle-eot',
		confirmation: 'gs-r',
		...overrides,
	};
}

/**
 * Short timeouts: a test that hangs fails fast, and a timeout path is reached quickly. The slowest
 * printer waited for reads 2 kB/s unless a test says otherwise, so a stalled one is given up on soon.
 */
export function addressOf(
	emulator: {host: string; port: number},
	timeoutMs = 300,
	minimumByteRate = 2000,
): PrinterAddress {
	return {
		host: emulator.host,
		port: emulator.port,
		connectTimeoutMs: timeoutMs,
		writeTimeoutMs: timeoutMs,
		minimumByteRate,
	};
}

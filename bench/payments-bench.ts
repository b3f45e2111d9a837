// An online void (the WeChat Pay adapter's requestVoid: sign, send, verify the reply's signature,
// timestamp and nonce, read it) against a raw signed HTTP round trip to the same simulator endpoint
// in the same run (sign, send on a keep-alive socket, read the body, nothing checked). Target: the
// adapter's p99 ≤ 1.5× the raw p99. Also checks that the console's start-up does not load payments
// code: no chunk the built entry or the console command imports statically holds it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {openPaymentAdapter} from '../source/payments/open-adapter.js';
import {demoLinks, demoIds, ensureDemoKeys, simulatorKeysFrom} from '../source/payments/simulator/demo-keys.js';
import {startPlatformSimulator} from '../source/payments/simulator/platform-simulator.js';
import {refundsPath} from '../source/payments/wechat-adapter.js';
import {authorizationHeader, signWechat, wechatNonce, wechatRequestMessage} from '../source/payments/wechat-signing.js';
import type {BenchRow} from './bench-row.js';
import {measureAsync, percentile, resultOf} from './bench-stats.js';

const runs = 400;
const warmUp = 50;

/** Chunks reachable from `entry` through static imports only (what start-up parses). */
function staticClosure(entry: string): string[] {
	const seen = new Set<string>();
	const walk = (file: string) => {
		if (seen.has(file)) {
			return;
		}

		seen.add(file);
		const text = fs.readFileSync(file, 'utf8');
		for (const match of text.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"();]*?\sfrom\s*)?["'](\.[^"']+)["']/g)) {
			walk(path.resolve(path.dirname(file), match[1]!));
		}
	};

	walk(entry);
	return [...seen];
}

function startUpLoadsPayments(): number {
	const dist = path.join(import.meta.dirname, '../dist');
	const entry = path.join(dist, 'posvoid.js');
	if (!fs.existsSync(entry)) {
		throw new Error('bench: build first (node scripts/build.js)');
	}

	const consoleChunk = fs
		.readdirSync(path.join(dist, 'posvoid-chunks'))
		.find(name => name.startsWith('console-command-'));
	const files = new Set([
		...staticClosure(entry),
		...(consoleChunk ? staticClosure(path.join(dist, 'posvoid-chunks', consoleChunk)) : []),
	]);
	return [...files].filter(file =>
		/WECHATPAY2-SHA256-RSA2048|alipay\.trade\.refund/.test(fs.readFileSync(file, 'utf8')),
	).length;
}

export async function runPaymentsBench(): Promise<BenchRow[]> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'posvoid-bench-keys-'));
	try {
		const files = ensureDemoKeys(folder);
		const clock = () => Date.now();
		const simulator = await startPlatformSimulator({keys: simulatorKeysFrom(files), now: clock});
		const links = demoLinks(files, simulator.url);
		const total = 12_850;
		const sales = (prefix: string) =>
			Array.from({length: runs + warmUp}, (_, index) => {
				const orderNo = `${prefix}${String(index).padStart(8, '0')}`;
				simulator.seed({platform: 'wechat', platformOrderNo: orderNo, merchantOrderNo: `M${orderNo}`, total});
				return orderNo;
			});
		const rawSales = sales('4200000000000000000001');
		const adapterSales = sales('4200000000000000000002');

		const merchantKey = crypto.createPrivateKey(fs.readFileSync(files['wechat-merchant'].privateKeyFile, 'utf8'));
		const agent = new http.Agent({keepAlive: true, maxSockets: 4});
		const raw = async (index: number) => {
			const body = JSON.stringify({
				transaction_id: rawSales[index],
				out_refund_no: `RAW${index}`,
				reason: 'bench',
				amount: {refund: total, total, currency: 'CNY'},
			});
			const timestamp = String(Math.floor(clock() / 1000));
			const nonce = wechatNonce();
			const signature = signWechat(wechatRequestMessage('POST', refundsPath, timestamp, nonce, body), merchantKey);
			await new Promise<void>((resolve, reject) => {
				const request = http.request(
					`${simulator.url}${refundsPath}`,
					{
						method: 'POST',
						agent,
						headers: {
							authorization: authorizationHeader({
								mchid: demoIds.wechatMchid,
								nonce_str: nonce,
								signature,
								timestamp,
								serial_no: demoIds.wechatMerchantSerialNo,
							}),
							'content-type': 'application/json',
							accept: 'application/json',
							'content-length': String(Buffer.byteLength(body)),
						},
					},
					response => {
						response.resume();
						response.on('end', resolve);
					},
				);
				request.on('error', reject);
				request.end(body);
			});
		};

		const adapter = openPaymentAdapter('wechat', {
			connectTimeoutMs: 3000,
			totalTimeoutMs: 10_000,
			modes: {
				debit: 'record-only',
				credit: 'record-only',
				wechat: 'online',
				alipay: 'record-only',
				unionpay_qr: 'record-only',
			},
			...links,
		});
		let approved = 0;
		const online = async (index: number) => {
			const outcome = await adapter.requestVoid(
				{
					channel: 'wechat',
					voucherNo: String(index).padStart(6, '0'),
					referenceNo: String(index).padStart(12, '0'),
					terminalId: '10293847',
					batchNo: '000001',
					total,
					currency: 'CNY',
					createdAt: clock() - 60_000,
					platformOrderNo: adapterSales[index],
				},
				{idempotencyKey: `ONLINE${index}`, amount: total, reason: 'bench', operation: 'refund', now: clock()},
			);
			approved += outcome.kind === 'approved' ? 1 : 0;
		};

		// Interleaved halves, so a slow moment of the machine falls on both sides.
		const rawSamples: number[] = [];
		const onlineSamples: number[] = [];
		for (let half = 0; half < 2; half++) {
			const offset = half * ((runs + warmUp) / 2);
			rawSamples.push(...(await measureAsync(runs / 2, warmUp / 2, async index => raw(offset + index))));
			onlineSamples.push(...(await measureAsync(runs / 2, warmUp / 2, async index => online(offset + index))));
		}

		agent.destroy();
		await simulator.close();
		const row = resultOf('online void (WeChat Pay adapter) vs raw signed HTTP round trip', onlineSamples, rawSamples, {
			p99_ratio:
				Math.round(
					(percentile(
						onlineSamples.toSorted((a, b) => a - b),
						0.99,
					) /
						percentile(
							rawSamples.toSorted((a, b) => a - b),
							0.99,
						)) *
						100,
				) / 100,
			approved_ratio: approved / (runs + warmUp),
			start_up_chunks_with_payments_code: startUpLoadsPayments(),
		});
		return [row];
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
}

/* eslint-disable no-bitwise -- file modes are bit fields. */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {type PaymentMode, openPaymentAdapter} from '../../source/payments/open-adapter.js';
import {demoLinks, ensureDemoKeys} from '../../source/payments/simulator/demo-keys.js';
import {binary} from '../helpers/cli.js';
import {repoRoot} from '../helpers/child-process.js';
import {tempFolder} from '../helpers/temp-db.js';
import {clockEnvironment, testClock} from '../helpers/test-clock.js';

test('posvoid platform-sim makes owner-only demo keys, serves a signed WeChat Pay refund once per key, and never prints a key', async t => {
	const folder = tempFolder(t);
	const keys = path.join(folder, 'keys');
	const salesFile = path.join(folder, 'sales.json');
	fs.writeFileSync(
		salesFile,
		JSON.stringify([
			{platform: 'wechat', platformOrderNo: '4200001234202611250000000001', merchantOrderNo: 'PV1', total: 12_850},
		]),
	);
	const child = spawn(process.execPath, [binary, 'platform-sim', '--port', '0', '--keys', keys, '--sales', salesFile], {
		cwd: repoRoot,
		env: {...process.env, ...clockEnvironment()},
	});
	t.teardown(() => child.kill('SIGTERM'));
	let output = '';
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => {
		output += chunk;
	});
	const waitFor = async (pattern: RegExp) =>
		new Promise<void>((resolve, reject) => {
			const check = () => {
				if (pattern.test(output)) {
					child.stdout.off('data', onData);
					resolve();
				}
			};

			const onData = (chunk: string) => {
				output += chunk;
				check();
			};

			child.stdout.on('data', onData);
			child.once('exit', () => {
				reject(new Error(`platform-sim exited before ${String(pattern)}:\n${output}`));
			});
			check();
		});
	await waitFor(/listening on http:\/\/127\.0\.0\.1:\d+/);
	const url = /listening on (?<url>http:\/\/127\.0\.0\.1:\d+)/.exec(output)!.groups!['url']!;
	for (const file of fs.readdirSync(keys)) {
		t.is(fs.statSync(path.join(keys, file)).mode & 0o777, 0o600, file);
	}

	const files = ensureDemoKeys(keys);
	const adapter = openPaymentAdapter('wechat', {
		connectTimeoutMs: 1000,
		totalTimeoutMs: 3000,
		modes: {
			debit: 'record-only',
			credit: 'record-only',
			wechat: 'online',
			alipay: 'record-only',
			unionpay_qr: 'record-only',
		} satisfies Record<string, PaymentMode>,
		...demoLinks(files, url),
	});
	const sale = {
		channel: 'wechat' as const,
		voucherNo: '000401',
		referenceNo: '000000000401',
		terminalId: '10293847',
		batchNo: '000001',
		total: 12_850,
		currency: 'CNY',
		createdAt: testClock() - 60_000,
		platformOrderNo: '4200001234202611250000000001',
	};
	const request = {
		idempotencyKey: 'V10293847000001000401',
		amount: 12_850,
		reason: 'test',
		operation: 'refund' as const,
	};
	t.like(await adapter.requestVoid(sale, {...request, now: testClock()}), {kind: 'approved'});
	t.like(await adapter.requestVoid(sale, {...request, now: testClock()}), {kind: 'approved'});
	const response = await fetch(`${url}/sim/refunds?key=${request.idempotencyKey}`);
	const counted: unknown = await response.json();
	t.deepEqual(counted, {key: request.idempotencyKey, refunds: 1, requests: 2});

	child.stdin.write('reset x1\n');
	await waitFor(/fault: reset/);
	t.like(
		await adapter.queryVoid(sale, {idempotencyKey: request.idempotencyKey, operation: 'refund', now: testClock()}),
		{
			kind: 'unknown',
			why: 'reset',
		},
	);
	t.regex(output, /"merchantKeyFile":/);
	t.notRegex(output, /PRIVATE KEY|BEGIN/);
});

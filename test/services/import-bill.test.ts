import test from 'ava';
import type {BillRow, OpenedBill} from '../../source/bills/bill-row.js';
import {importBill} from '../../source/services/import-service.js';
import {checkVoidable} from '../../source/services/void-service.js';
import {openStore} from '../../source/store/store.js';
import {tempDatabase, testNow} from '../helpers/temp-db.js';

/** A bill made of rows built here, as a bill reader would yield them. */
function bill(rows: BillRow[], format: OpenedBill['format'] = 'wechat'): OpenedBill {
	return {
		format,
		encoding: 'utf-8-bom',
		columns: [],
		rows: (async function* () {
			yield* rows;
		})(),
		totals: () => undefined,
		mismatches: () => [],
		missingTotals: () => false,
		progress: () => ({bytesRead: rows.length, bytesTotal: rows.length}),
	};
}

function wechatSale(line: number, platformOrderNo: string, amount = 3200): BillRow {
	return {
		kind: 'sale',
		line,
		channel: 'wechat',
		amount,
		fee: 19,
		currency: 'CNY',
		createdAt: testNow - 3_600_000 + line,
		merchantId: '1900000109',
		platformOrderNo,
		merchantOrderNo: `M${platformOrderNo.slice(-8)}`,
		payerMasked: 'oUp***9aX2',
	};
}

function wechatRefund(line: number, platformOrderNo: string, resolutionNo: string, amount = 3200): BillRow {
	return {
		kind: 'resolution',
		line,
		channel: 'wechat',
		resolution: 'refund',
		amount,
		createdAt: testNow - 600_000,
		resolutionNo,
		refersTo: {platformOrderNo},
	};
}

test('QR sales of a bill join the open batch of this counter, without vouchers, with their order numbers', async t => {
	const {context, store} = tempDatabase(t);
	const report = await importBill(
		context,
		bill([wechatSale(2, '4200002026112500000001'), wechatSale(3, '4200002026112500000002')]),
		'wechat-20261125.csv',
	);
	t.true(report.committed);
	t.is(report.imported, 2);
	t.is(report.format, 'wechat');
	t.is(report.encoding, 'utf-8-bom');
	const open = store.batches.currentOpen(context.config.terminalId);
	t.truthy(open);
	t.is(report.qrBatch, `${context.config.terminalId}/${open!.batchNo}`);
	const [sale] = store.transactions.findByOrderNumber('4200002026112500000001');
	t.like(sale, {voucherNo: '', batchNo: open!.batchNo, terminalId: context.config.terminalId, amount: 3200, fee: 19});
});

test('a refund in the same file as its sale, even before it, is that sale outside resolution, and the sale cannot be voided', async t => {
	const {context, store} = tempDatabase(t);
	const report = await importBill(
		context,
		bill([
			wechatRefund(2, '4200002026112500000001', '50300000012026112500000001'),
			wechatSale(3, '4200002026112500000001'),
		]),
		'wechat.csv',
	);
	t.is(report.imported, 1);
	t.is(report.resolutions.matched, 1);
	t.deepEqual(report.resolutions.unmatched, []);
	const [sale] = store.transactions.findByOrderNumber('500000001');
	t.true(sale?.resolvedOutside);
	const outside = store.outsideResolutions.forTransaction(sale!.id);
	t.like(outside, {
		channel: 'wechat',
		kind: 'refund',
		resolutionNo: '50300000012026112500000001',
		amount: 3200,
		sourceLine: 2,
	});
	const answer = checkVoidable(context, sale!, 'supervisor');
	t.like(answer, {ok: false, reason: 'resolved-outside', outside: {channel: 'wechat', kind: 'refund'}});
});

test('a refund whose sale came in an earlier file is matched; one whose sale is unknown is kept unmatched and reported', async t => {
	const {context, store} = tempDatabase(t);
	await importBill(context, bill([wechatSale(2, '4200002026112500000001')]), 'day1.csv');
	const report = await importBill(
		context,
		bill([wechatRefund(2, '4200002026112500000001', 'R1'), wechatRefund(3, '4200002026112599999999', 'R2', 500)]),
		'day2.csv',
	);
	t.true(report.committed);
	t.is(report.resolutions.matched, 1);
	t.deepEqual(report.resolutions.unmatched, [
		{line: 3, kind: 'refund', refersTo: '4200002026112599999999', amount: 500},
	]);
	t.is(store.outsideResolutions.unmatchedCount(), 1);
	t.like(store.outsideResolutions.unmatched(10)[0], {
		resolutionNo: 'R2',
		refersTo: {platformOrderNo: '4200002026112599999999'},
	});
});

test('importing the same bill again adds nothing and says how many were already there', async t => {
	const {context, store} = tempDatabase(t);
	const rows = () => [
		wechatSale(2, '4200002026112500000001'),
		wechatSale(3, '4200002026112500000002'),
		wechatRefund(4, '4200002026112500000001', 'R1'),
	];
	await importBill(context, bill(rows()), 'day.csv');
	const again = await importBill(context, bill(rows()), 'day.csv');
	t.true(again.committed);
	t.is(again.imported, 0);
	t.is(again.alreadyThere, 2);
	t.is(again.resolutions.alreadyKnown, 1);
	t.is(again.resolutions.matched, 0);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 2);
});

test('a bad line stops the whole bill unless skipped, and nothing of it is visible', async t => {
	const {context, store} = tempDatabase(t);
	const rows = () => [
		wechatSale(2, '4200002026112500000001'),
		{kind: 'bad', line: 3, reason: '交易状态 is missing'} as const,
	];
	const refused = await importBill(context, bill(rows()), 'day.csv', {chunkRows: 1});
	t.false(refused.committed);
	t.deepEqual(refused.bad, [{line: 3, problems: ['交易状态 is missing']}]);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 0);
	const skipped = await importBill(context, bill(rows()), 'day.csv', {skipBad: true, chunkRows: 1});
	t.is(skipped.imported, 1);
});

test('a bill whose stated totals do not match its rows imports nothing and names both figures', async t => {
	const {context, store} = tempDatabase(t);
	const cut = {
		...bill([wechatSale(2, '4200002026112500000001')]),
		mismatches: () => [{figure: 'saleCount' as const, stated: 2, counted: 1, line: 5}],
	};
	const report = await importBill(context, cut, 'cut.csv');
	t.false(report.committed);
	t.regex(report.bad[0]?.problems[0] ?? '', /saleCount is 2 but its rows add up to 1/);
	t.is(store.transactions.page({}, undefined, 'older', 10).length, 0);
});

test('staged rows are invisible until published, and removed after', async t => {
	const {context, store} = tempDatabase(t);
	let seenMidway = -1;
	const rows = (async function* (): AsyncGenerator<BillRow> {
		for (let line = 2; line < 12; line++) {
			if (line === 8) {
				seenMidway = store.transactions.page({}, undefined, 'older', 50).length;
			}

			yield wechatSale(line, `42000020261125000000${line.toString().padStart(2, '0')}`);
		}
	})();
	const report = await importBill(context, {...bill([]), rows}, 'day.csv', {chunkRows: 2});
	t.is(seenMidway, 0);
	t.is(report.imported, 10);
	t.is(store.db.prepare('SELECT count(*) FROM temp.import_staging').pluck().get(), 0);
});

const orderNo = (line: number) => `4200002026112500${String(line).padStart(6, '0')}`;

function sales(count: number): BillRow[] {
	return Array.from({length: count}, (_, index) => wechatSale(index + 2, orderNo(index + 2)));
}

test('while the sales are written they are in no reader: not the list, its count, a search or another connection; then all at once', async t => {
	const {context, store, file} = tempDatabase(t);
	const other = openStore(file);
	t.teardown(() => {
		other.close();
	});
	const seen: number[] = [];
	let writes = 0;
	const report = await importBill(context, bill(sales(40)), 'day.csv', {
		chunkRows: 7,
		onProgress(phase) {
			if (phase !== 'writing') {
				return;
			}

			writes++;
			seen.push(
				store.transactions.page({}, undefined, 'older', 100).length,
				store.transactions.count({}),
				store.transactions.count({status: 'completed'}),
				store.transactions.findByOrderNumber(orderNo(3)).length,
				other.transactions.page({}, undefined, 'older', 100).length,
				other.transactions.count({}),
			);
			// Between chunks the database takes a write at once: a void at the counter is not held up.
			other.db.pragma('busy_timeout = 0');
			other.immediate(() => undefined);
			other.db.pragma('busy_timeout = 5000');
		},
	});
	t.true(writes >= 5, `${writes} chunks written`);
	t.true(
		seen.every(value => value === 0),
		seen.join(','),
	);
	t.true((store.db.prepare('SELECT count(*) FROM transactions').pluck().get() as number) > 0);
	t.is(report.imported, 40);
	t.is(store.transactions.count({}), 40);
	t.is(other.transactions.count({}), 40);
	t.is(store.transactions.findByOrderNumber(orderNo(3)).length, 1);
});

test('a second import of the same database while one runs is refused, and the first still publishes', async t => {
	const {context, store} = tempDatabase(t);
	let release: () => void = () => undefined;
	const held = new Promise<void>(resolve => {
		release = resolve;
	});
	let started: () => void = () => undefined;
	const staging = new Promise<void>(resolve => {
		started = resolve;
	});
	const rows = (async function* (): AsyncGenerator<BillRow> {
		yield wechatSale(2, orderNo(2));
		started();
		await held;
		yield wechatSale(3, orderNo(3));
	})();
	const first = importBill(context, {...bill([]), rows}, 'first.csv', {chunkRows: 1});
	await staging;
	const error = await t.throwsAsync(importBill(context, bill(sales(3)), 'second.csv'));
	t.regex(error?.message ?? '', /another import is running on this database \(first\.csv\)/);
	release();
	const published = await first;
	t.is(published.imported, 2);
	t.is(store.transactions.count({}), 2);
});

test('a batch settled while the sales are written takes none of them: nothing is shown, the hidden rows go, the message says to import again', async t => {
	const {context, store} = tempDatabase(t);
	let settled = false;
	const error = await t.throwsAsync(
		importBill(context, bill(sales(20)), 'day.csv', {
			chunkRows: 5,
			onProgress(phase) {
				if (phase === 'writing' && !settled) {
					settled = true;
					const open = store.batches.currentOpen(context.config.terminalId)!;
					store.immediate(() => store.batches.settle(open.id, '00', testNow));
				}
			},
		}),
	);
	t.regex(error?.message ?? '', /was settled while this file was importing: nothing was imported/);
	t.is(store.db.prepare('SELECT count(*) FROM transactions').pluck().get(), 0);
	t.is(store.db.prepare('SELECT count(*) FROM import_runs WHERE hidden_from IS NOT NULL').pluck().get(), 0);
	t.is(store.db.prepare(`SELECT state FROM import_runs`).pluck().get(), 'abandoned');
});

test('a file of many bad lines lists the first 10000 and counts them all, holding no more in memory', async t => {
	const {context, store} = tempDatabase(t);
	const rows: BillRow[] = Array.from({length: 12_345}, (_, index) => ({
		kind: 'bad',
		line: index + 2,
		reason: '交易状态 is missing',
	}));
	const report = await importBill(context, bill([...rows, wechatSale(20_000, orderNo(20_000))]), 'bad.csv');
	t.false(report.committed);
	t.is(report.bad.length, 10_000);
	t.is(report.badCount, 12_345);
	t.is(report.bad.at(-1)?.line, 10_001);
	t.is(store.transactions.count({}), 0);
	t.regex(store.audit.recent({}, 1)[0]?.detail ?? '', /^12345 bad lines, nothing imported/);
});

import test from 'ava';
import {displayWidth} from '../../source/domain/display-width.js';
import {renderSlipEscPos} from '../../source/printing/render-escpos.js';
import {renderSlipText} from '../../source/printing/render-text.js';
import {cut, feed, labelValue, qr, rule, text, type SlipModel} from '../../source/printing/slip-model.js';
import {buildVoidSlip} from '../../source/printing/void-slip.js';
import {CommandParser} from '../../source/printing/emulator/command-parser.js';
import {profile, sampleVoid} from './fixtures.js';

const lines = (model: SlipModel, columns: number) => renderSlipText(model, columns).split('\n');

for (const columns of [32, 48] as const) {
	test(`every line of the void slip fits ${columns} columns, with a 40-character Chinese merchant name`, t => {
		const model = buildVoidSlip(
			sampleVoid({
				merchantName: '示'.repeat(40),
				reason: '顾客要求取消本笔交易并已退还商品 Customer returned the goods',
			}),
			{columns, reprint: true, copies: 3},
		);
		for (const line of lines(model, columns)) {
			t.true(displayWidth(line) <= columns, `too wide: ${line}`);
		}

		// The whole name is printed, wrapped, never cut off.
		t.is(
			lines(model, columns)
				.filter(line => line.trim().startsWith('示'))
				.join('')
				.replaceAll(' ', '').length,
			40 * 3,
		);
	});
}

test('32 columns: label and value spread to the right edge with Chinese counted as two columns', t => {
	const slip = lines(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 2}), 32);
	t.true(slip.includes('  原授权码 ORIG AUTH      A1B2C3'));
	t.true(slip.includes('金额 AMOUNT        RMB -￥128.50'));
	t.true(slip.includes('参考号 REF NO       331125000101'));
	t.true(slip.includes('  原参考号 ORIG REF 331125000001'));
	t.true(slip.includes('商户存根           MERCHANT COPY'));
	for (const line of ['  原授权码 ORIG AUTH      A1B2C3', '金额 AMOUNT        RMB -￥128.50']) {
		t.is(displayWidth(line), 32);
	}
});

test('32 columns: long values sit indented under their label as on a counter slip', t => {
	const slip = lines(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 1}), 32);
	const at = slip.indexOf('商户名称 MERCHANT NAME');
	t.is(slip[at + 1], '  示例便利店');
	t.is(slip[slip.indexOf('卡号 CARD NO') + 1], '  622848******0018');
	t.is(slip[slip.indexOf('日期时间 DATE/TIME') + 1], '  2026/11/25 17:30:12');
});

test('48 columns: values that fit share the line with their label', t => {
	const slip = lines(buildVoidSlip(sampleVoid(), {columns: 48, reprint: false, copies: 1}), 48);
	t.true(slip.includes('商户编号 MERCHANT NO             898440358120011'));
	t.true(slip.includes('日期时间 DATE/TIME           2026/11/25 17:30:12'));
	t.true(slip.includes('  原因 REASON        顾客取消 Customer cancelled'));
	t.is(displayWidth('日期时间 DATE/TIME           2026/11/25 17:30:12'), 48);
});

test('the slip prints merchant copy, cut, cardholder copy; signature block on the merchant copy only', t => {
	const slip = renderSlipText(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 2}), 32);
	const [merchant = '', cardholder = '', after] = slip.split('[CUT]');
	t.true(merchant.includes('商户存根'));
	t.true(merchant.includes('持卡人签名 CARDHOLDER SIGNATURE'));
	t.true(merchant.includes('本人同意撤销以上交易'));
	t.true(merchant.includes('I AGREE TO THE ABOVE VOID'));
	t.false(merchant.includes('记入本卡账户'), "the sale's statement is not the void's");
	t.true(cardholder.includes('持卡人存根'));
	t.false(cardholder.includes('持卡人签名'));
	t.false(cardholder.includes('AGREE'));
	t.is(after, '');
	// Both copies carry the void's reference as a QR code.
	t.is(slip.split('[QR: 331125000101]').length, 3);
});

test('one copy prints only the merchant copy; three add a bank copy', t => {
	t.is(
		renderSlipText(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 1}), 32).split('[CUT]').length,
		2,
	);
	const three = renderSlipText(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 3}), 32);
	t.true(three.includes('银行存根'));
	t.is(three.split('持卡人签名').length, 2);
});

test('a reprint carries 重打印 REPRINT right under the title on every copy', t => {
	const slip = lines(buildVoidSlip(sampleVoid(), {columns: 32, reprint: true, copies: 2}), 32);
	const titles = slip.flatMap((line, index) => (line.trim() === 'POS签购单 VOID SLIP' ? [index] : []));
	t.is(titles.length, 2);
	for (const index of titles) {
		t.is(slip[index + 1]?.trim(), '重打印 REPRINT');
	}

	t.false(
		renderSlipText(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 2}), 32).includes('REPRINT'),
	);
});

test('the approver line appears only when a supervisor approved', t => {
	t.true(
		renderSlipText(
			buildVoidSlip(sampleVoid({approverNo: '07'}), {
				columns: 32,
				reprint: false,
				copies: 1,
			}),
			32,
		).includes('  授权主管 APPROVED BY        07'),
	);
	t.false(
		renderSlipText(
			buildVoidSlip(sampleVoid({approverNo: undefined}), {
				columns: 32,
				reprint: false,
				copies: 1,
			}),
			32,
		).includes('APPROVED BY'),
	);
	t.false(
		renderSlipText(
			buildVoidSlip(sampleVoid({approverNo: ''}), {
				columns: 32,
				reprint: false,
				copies: 1,
			}),
			32,
		).includes('APPROVED BY'),
	);
});

test('English labels for Western printers, with the amount in ASCII only', t => {
	const slip = renderSlipText(
		buildVoidSlip(sampleVoid(), {
			columns: 32,
			reprint: true,
			copies: 1,
			labels: 'english',
		}),
		profile({encoding: 'cp858'}).model,
	);
	t.true(slip.includes('REPRINT'));
	t.false(slip.includes('重打印'));
	t.true(slip.split('\n').includes(`AMOUNT${' '.repeat(15)}CNY -128.50`));
});

test('a QR channel names the payer account and the channel', t => {
	const slip = renderSlipText(
		buildVoidSlip(sampleVoid({channel: 'wechat', cardMasked: '****8842'}), {
			columns: 32,
			reprint: false,
			copies: 1,
		}),
		32,
	);
	t.true(slip.includes('付款账户 PAYER'));
	t.true(slip.includes('微信支付 WECHAT PAY'));
	t.false(slip.includes('CARD NO'));
});

test('a merchant name carrying ESC, DLE and GS never reaches the wire as a command', t => {
	const hostile = 'Shop\u001B@\u0010\u0004\u0001\u001DV\u0000\u001B\u0070\u0000\u0019\u00FAName';
	const model = buildVoidSlip(sampleVoid({merchantName: hostile, reason: 'x\u001Bd\u0009y'}), {
		columns: 32,
		reprint: false,
		copies: 2,
	});
	const {bytes} = renderSlipEscPos(model, profile().model);
	const events = new CommandParser().push(bytes);
	t.is(events.filter(event => event.kind === 'init').length, 1);
	t.is(events.filter(event => event.kind === 'status').length, 0);
	t.is(events.filter(event => event.kind === 'unknown').length, 0);
	t.is(events.filter(event => event.kind === 'cut').length, 2);
	t.false(Buffer.from(bytes).includes(Buffer.from([0x1b, 0x70])), 'no drawer kick');
	t.true(renderSlipText(model, 32).includes('Shop@VpúName'));
});

test('the preview shows what the printer prints: substitutes for characters it cannot, reported by the layout', t => {
	const model = buildVoidSlip(sampleVoid(), {
		columns: 32,
		reprint: false,
		copies: 1,
		labels: 'english',
	});
	const cp437 = profile({encoding: 'cp437'}).model;
	const slip = renderSlipText(model, cp437);
	t.true(slip.split('\n').includes('  (...)'), 'the Chinese-only merchant name is marked as omitted');
	t.true(slip.includes('REASON      Customer cancelled'), 'the Chinese half of the bilingual reason is dropped');
	t.false(slip.includes('?'));
	const rendered = renderSlipEscPos(model, cp437);
	t.deepEqual(rendered.unencodable, [...'示例便利店顾客取消']);
	t.deepEqual(rendered.substitutions, [
		{from: '示例便利店', to: '(...)'},
		{from: '顾客取消', to: ''},
	]);
	t.deepEqual(
		renderSlipEscPos(buildVoidSlip(sampleVoid(), {columns: 32, reprint: false, copies: 1}), profile().model)
			.substitutions,
		[],
	);
});

test('without native QR the reference is a raster image; without a cutter the copies get a tear line', t => {
	const model = buildVoidSlip(sampleVoid(), {
		columns: 32,
		reprint: false,
		copies: 2,
	});
	const printer = profile({nativeQr: false, cut: false}).model;
	const slip = renderSlipText(model, printer);
	t.true(slip.includes('[QR: 331125000101]'));
	t.false(slip.includes('[CUT]'));
	t.is(slip.split('\n').filter(line => line === '- '.repeat(16).trimEnd()).length, 2);
	const events = new CommandParser(printer).push(renderSlipEscPos(model, printer).bytes);
	t.false(events.some(event => event.kind === 'qr' || event.kind === 'cut'));
	t.is(events.filter(event => event.kind === 'raster').length, 2);
});

test('generic lines: centred double size counts double width; rules fill the paper', t => {
	const model: SlipModel = {
		lines: [
			text('结算 TOTAL', {align: 'centre', size: 2, bold: true}),
			rule('='),
			labelValue('笔数 COUNT', '12'),
			qr('X'),
			feed(1),
			cut(),
		],
	};
	t.deepEqual(lines(model, 32), [
		'      结算 TOTAL',
		'='.repeat(32),
		'笔数 COUNT                    12',
		'            [QR: X]',
		'',
		'[CUT]',
	]);
});

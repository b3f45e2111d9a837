import test from 'ava';
import {parseConfig} from '../../source/config.js';
import {startPrinterEmulator} from '../../source/printing/emulator/printer-emulator.js';
import {builtInProfile} from '../../source/printing/printer-profiles.js';
import {printJob, voidSlipSubstitutions} from '../../source/services/print-service.js';
import {getTransaction} from '../../source/services/transaction-list-service.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {slipSubstitutionText} from '../../source/i18n/slip-substitution-text.js';
import {addSale, addTestOperator, openFixture} from '../helpers/fixture.js';

test('a Western printer: the substitutions are known before the void commits, and the printed slip makes exactly them', async t => {
	const emulator = await startPrinterEmulator({model: builtInProfile('epson-tm-intl')});
	t.teardown(async () => emulator.close());
	const printer = {...parseConfig({printer: {profile: 'epson-tm-intl'}}).printer, port: emulator.port, copies: 1};
	const fixture = openFixture({printer});
	t.teardown(fixture.close);
	const operator = await addTestOperator(fixture.context, '01', 'cashier');
	const saleId = addSale(fixture.context);
	const sale = getTransaction(fixture.context, saleId)!;
	const reason = '顾客取消 Customer cancelled';

	const before = voidSlipSubstitutions(fixture.context, sale, {operatorNo: '01', reason});
	t.deepEqual(before, [
		{from: '示例便利店', to: '(...)'},
		{from: '顾客取消', to: ''},
	]);
	t.is(
		slipSubstitutionText(before, 'epson-tm-intl', 'en'),
		'the printer epson-tm-intl cannot print some of the slip as it is; it will print: 示例便利店 → (...), 顾客取消 → (left out). To print it as it is, choose a printer profile with a Chinese font (printer.profile).',
	);

	const outcome = voidTransaction(fixture.context, {transactionId: saleId, operator, reason});
	t.true(outcome.ok);
	const printed = await printJob(fixture.context, outcome.ok ? outcome.printJobId : 0);
	t.true(printed.ok);
	t.deepEqual(printed.ok ? printed.substitutions : [], before);
	const [job] = await emulator.waitForJobs(1, 2000);
	t.deepEqual(job!.unknown, []);
	t.false(job!.text.includes('?'));
	t.true(job!.text.includes('(...)'));
});

test('a Chinese printer substitutes nothing: nothing is said', t => {
	const fixture = openFixture();
	t.teardown(fixture.close);
	const sale = getTransaction(fixture.context, addSale(fixture.context))!;
	const substitutions = voidSlipSubstitutions(fixture.context, sale, {
		operatorNo: '01',
		reason: '顾客取消 Customer cancelled',
	});
	t.deepEqual(substitutions, []);
	t.is(slipSubstitutionText(substitutions, 'epson-tm-china', 'zh-CN'), '');
});

import path from 'node:path';
import test from 'ava';
import {parseClockStart, systemClock} from '../../source/clock.js';
import {defaultConfig} from '../../source/config.js';
import {todayCriteria} from '../../source/domain/search-query.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';
import {runCli} from '../helpers/cli.js';
import {addSale, tempDirectory} from '../helpers/fixture.js';

// The awkward instants of a counter's calendar in Asia/Shanghai: each command runs with its clock
// there (POSVOID_CLOCK), on a sale made a minute before, on the other side of midnight.
const instants = [
	{name: 'just after midnight on New Year', clock: '2027-12-31T16:00:20Z', saleDay: '2027-12-31'},
	{name: 'just after midnight on a leap day', clock: '2028-02-28T16:00:10Z', saleDay: '2028-02-28'},
	{name: 'just after midnight on the first of a month', clock: '2026-11-30T16:00:05Z', saleDay: '2026-11-30'},
	{name: 'the last seconds of a year', clock: '2026-12-31T15:59:50Z', saleDay: '2026-12-31'},
];

for (const instant of instants) {
	test(`${instant.name} (${instant.clock}): a sale from a minute ago is voided, reported and found as ${instant.saleDay}`, async t => {
		const environment = {POSVOID_CLOCK: instant.clock};
		const folder = tempDirectory();
		const db = path.join(folder, 'counter.db');
		const init = await runCli(['init', '--db', db, '--password-stdin'], {input: 'boss-pass\n', env: environment});
		t.is(init.code, 0, init.stderr);
		const add = await runCli(['operator', 'add', '01', '--name', 'Li', '--db', db, '--password-stdin'], {
			input: 'boss-pass\nclerk-pass\n',
			env: environment,
		});
		t.is(add.code, 0, add.stderr);

		const store = openStore(db);
		const context = createServiceContext(store, {...defaultConfig(), database: db}, {now: systemClock(environment)});
		const saleAt = parseClockStart(instant.clock)! - 60_000;
		addSale(context, {voucherNo: '000901', amount: 12_850, createdAt: saleAt});
		const {day} = todayCriteria(saleAt, context.config.timeZone);
		store.close();
		t.is(day, instant.saleDay);

		const voided = await runCli(
			['void', '000901', '--operator', '01', '--reason', 'x', '--no-print', '--db', db, '--password-stdin'],
			{input: 'clerk-pass\n', env: environment},
		);
		t.is(voided.code, 3, voided.stderr);
		t.regex(voided.stdout, /voided 000901/);

		const report = await runCli(['report', '--db', db, '--lang', 'en'], {env: environment});
		t.is(report.code, 0, report.stderr);
		t.regex(report.stdout, /128\.50/);
	});
}

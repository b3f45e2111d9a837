import test from 'ava';
import {parseSearch, todayCriteria} from '../../source/domain/search-query.js';

const timeZone = 'Asia/Shanghai';
/** 2026-11-25 12:00 at the counter. */
const now = Date.parse('2026-11-25T12:00:00+08:00');
const options = {now, timeZone};

for (const [text, criteria] of [
	['000124', {voucherNo: '000124', orderTail: '000124'}],
	['24567', {orderTail: '24567'}],
	['331125000101', {referenceNo: '331125000101'}],
	['0018', {lastFour: '0018', orderTail: '0018'}],
	['128.50', {amount: 12_850}],
	['¥128.5', {amount: 12_850}],
	['128', {amount: 12_800}],
	['1234 128.50', {lastFour: '1234', orderTail: '1234', amount: 12_850}],
	['  voided  ', {status: 'voided'}],
	['000124 0018', {voucherNo: '000124', lastFour: '0018'}],
	['completed 0018', {status: 'completed', lastFour: '0018', orderTail: '0018'}],
	['已撤销', {status: 'voided'}],
	['', {}],
] as const) {
	test(`parseSearch reads ${JSON.stringify(text)}`, t => {
		t.deepEqual(parseSearch(text, options), {ok: true, criteria});
	});
}

test('a date term narrows to that whole day in the counter time zone', t => {
	t.deepEqual(parseSearch('2026-11-24 000124', options), {
		ok: true,
		day: '2026-11-24',
		criteria: {
			voucherNo: '000124',
			orderTail: '000124',
			from: Date.parse('2026-11-24T00:00:00+08:00'),
			to: Date.parse('2026-11-25T00:00:00+08:00'),
		},
	});
});

test('today and yesterday are days relative to the clock', t => {
	const today = parseSearch('today', options);
	const yesterday = parseSearch('yesterday voided', options);
	t.deepEqual(today, {
		ok: true,
		day: '2026-11-25',
		criteria: {
			from: Date.parse('2026-11-25T00:00:00+08:00'),
			to: Date.parse('2026-11-26T00:00:00+08:00'),
		},
	});
	t.deepEqual(yesterday, {
		ok: true,
		day: '2026-11-24',
		criteria: {
			status: 'voided',
			from: Date.parse('2026-11-24T00:00:00+08:00'),
			to: Date.parse('2026-11-25T00:00:00+08:00'),
		},
	});
});

test('a day across a daylight-saving change is 23 hours long', t => {
	const parsed = parseSearch('2026-03-08', {now, timeZone: 'America/New_York'});
	const length = parsed.ok ? parsed.criteria.to! - parsed.criteria.from! : undefined;
	t.is(length, 23 * 3_600_000);
});

test('todayCriteria is the default view: the day containing now', t => {
	t.deepEqual(todayCriteria(now, timeZone), {
		day: '2026-11-25',
		criteria: {
			from: Date.parse('2026-11-25T00:00:00+08:00'),
			to: Date.parse('2026-11-26T00:00:00+08:00'),
		},
	});
});

for (const [text, problem] of [
	['abc', {kind: 'unknown-term', term: 'abc'}],
	['1234567', {kind: 'digits', term: '1234567'}],
	['2026-02-30', {kind: 'bad-date', term: '2026-02-30'}],
	['000124 000125', {kind: 'repeated', term: '000125', field: 'voucherNo'}],
	['today yesterday', {kind: 'repeated', term: 'yesterday', field: 'day'}],
] as const) {
	test(`parseSearch refuses ${JSON.stringify(text)} with a ${problem.kind} problem`, t => {
		t.deepEqual(parseSearch(text, options), {ok: false, problem});
	});
}

test('an amount with three decimals is refused with the money parser message', t => {
	const parsed = parseSearch('1.234', options);
	t.is(parsed.ok ? undefined : parsed.problem.kind, 'bad-amount');
});

import test from 'ava';
import fc from 'fast-check';
import {formatDate, formatDateTime, formatTime, startOfDay} from '../../source/domain/time-format.js';

/** Zones with whole, half and quarter hour offsets, and offset changes of 30 and 60 minutes. */
const zones = [
	'Asia/Shanghai',
	'UTC',
	'America/New_York',
	'Europe/London',
	'Australia/Lord_Howe',
	'Asia/Kathmandu',
	'America/St_Johns',
	'Pacific/Chatham',
	'Asia/Tehran',
];

const formatters = new Map(
	zones.map(zone => [
		zone,
		new Intl.DateTimeFormat('en-GB', {
			timeZone: zone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		}),
	]),
);

/** The same text straight from Intl, independent of the code under test. */
function intlDateTime(epochMs: number, timeZone: string): string {
	const parts = Object.fromEntries(
		formatters
			.get(timeZone)!
			.formatToParts(epochMs)
			.map(part => [part.type, part.value]),
	);
	return `${parts['year']}/${parts['month']}/${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

const from1970To2100 = fc.integer({min: 0, max: Date.UTC(2100, 0, 1)});

test('formatDateTime agrees with Intl at any moment in any zone', t => {
	const result = fc.check(
		fc.property(
			from1970To2100,
			fc.constantFrom(...zones),
			(epochMs, zone) => formatDateTime(epochMs, zone) === intlDateTime(epochMs, zone),
		),
		{numRuns: 3000},
	);
	t.false(result.failed, fc.defaultReportMessage(result));
});

/** The zone's offset from UTC at `epochMs` in minutes, from Intl. */
function intlOffsetMinutes(epochMs: number, timeZone: string): number {
	const [date = '', time = ''] = intlDateTime(epochMs, timeZone).split(' ');
	const [year = 0, month = 0, day = 0] = date.split('/').map(Number);
	const [hour = 0, minute = 0] = time.split(':').map(Number);
	return (Date.UTC(year, month - 1, day, hour, minute) - Math.floor(epochMs / 60_000) * 60_000) / 60_000;
}

test('the moments around every offset change of 2026 agree with Intl', t => {
	const hour = 60 * 60 * 1000;
	let changes = 0;
	const wrong: string[] = [];
	for (const zone of zones) {
		for (let moment = Date.UTC(2026, 0, 1); moment < Date.UTC(2027, 0, 1); moment += hour) {
			if (intlOffsetMinutes(moment, zone) === intlOffsetMinutes(moment + hour, zone)) {
				continue;
			}

			changes++;
			const moments = Array.from({length: 61}, (_, minute) => moment + minute * 60_000).flatMap(start =>
				[-1, 0, 1, 999, 1000].map(near => start + near),
			);
			wrong.push(
				...moments.filter(at => formatDateTime(at, zone) !== intlDateTime(at, zone)).map(at => `${zone} at ${at}`),
			);
		}
	}

	t.deepEqual(wrong, []);
	// New York, London, Lord Howe, St John's and Chatham change twice a year.
	t.true(changes >= 10);
});

test('formatTime, formatDate and startOfDay read the same fields', t => {
	const moment = Date.UTC(2026, 10, 25, 9, 30, 12, 345);
	t.is(formatTime(moment, 'Asia/Shanghai'), '17:30:12');
	t.is(formatDate(moment, 'Asia/Shanghai'), '2026-11-25');
	t.is(startOfDay(moment, 'Asia/Shanghai'), Date.UTC(2026, 10, 24, 16));
	t.is(formatDateTime(-1, 'UTC'), '1969/12/31 23:59:59');
});

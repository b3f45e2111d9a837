import test from 'ava';
import fc from 'fast-check';
import {firstFreeVoucherAfter, nextVoucherNo, voucherCount} from '../../source/domain/voucher.js';

/** The same answer by walking the numbers one by one. */
function walk(previous: number, used: Set<number>): number | undefined {
	let candidate = previous;
	for (let tries = 0; tries < voucherCount; tries++) {
		candidate = Number(nextVoucherNo(candidate));
		if (!used.has(candidate)) {
			return candidate;
		}
	}

	return undefined;
}

test('the next free voucher skips numbers sales and voids hold, and goes round from 999999 to 000001', t => {
	t.is(firstFreeVoucherAfter(0, []), 1);
	t.is(firstFreeVoucherAfter(50, [51, 52, 60]), 53);
	t.is(firstFreeVoucherAfter(999_998, [999_999]), 1);
	t.is(firstFreeVoucherAfter(999_999, [1, 2, 3, 999_999]), 4);
	t.is(firstFreeVoucherAfter(999_997, [1, 2, 999_998, 999_999]), 3);
});

test('a batch whose every number is used has no free voucher', t => {
	function* all() {
		for (let number = 1; number <= voucherCount; number++) {
			yield number;
		}
	}

	t.is(firstFreeVoucherAfter(123, all()), undefined);
	t.is(firstFreeVoucherAfter(999_999, all()), undefined);
});

test('for any counter and any used numbers near the ends of the range, the answer is the first free number going round', t => {
	const near = fc.oneof(fc.integer({min: 1, max: 40}), fc.integer({min: voucherCount - 40, max: voucherCount}));
	fc.assert(
		fc.property(
			fc.oneof(near, fc.integer({min: 0, max: voucherCount})),
			fc.uniqueArray(near, {maxLength: 80}),
			(previous, numbers) => {
				const used = new Set(numbers);
				const answer = firstFreeVoucherAfter(
					previous,
					[...used].toSorted((a, b) => a - b),
				);
				t.is(answer, walk(previous, used));
				t.false(answer !== undefined && used.has(answer));
			},
		),
	);
});

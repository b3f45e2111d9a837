/* eslint-disable no-bitwise -- a PRNG is 32-bit integer arithmetic by nature */

/** A uniform number in [0, 1). Seeded sources make synthetic data repeatable. */
export type RandomSource = () => number;

/** Mulberry32: a tiny 32-bit PRNG, good enough for demo data and repeatable for a given seed. */
export function seededRandom(seed: number): RandomSource {
	let state = Math.trunc(seed) >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A whole number from `min` to `max`, both included. */
export function randomInt(random: RandomSource, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

/** One of `items`, chosen with probability proportional to its weight. */
export function pickWeighted<T>(random: RandomSource, items: ReadonlyArray<readonly [T, number]>): T {
	let total = 0;
	for (const [, weight] of items) {
		total += weight;
	}

	let target = random() * total;
	for (const [item, weight] of items) {
		target -= weight;
		if (target < 0) {
			return item;
		}
	}

	const last = items.at(-1);
	if (!last) {
		throw new Error('pickWeighted needs at least one item');
	}

	return last[0];
}

/** A standard normal deviate (Box–Muller). */
export function randomNormal(random: RandomSource): number {
	const u = 1 - random();
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function randomDigits(random: RandomSource, count: number): string {
	let text = '';
	for (let index = 0; index < count; index++) {
		text += String(Math.floor(random() * 10));
	}

	return text;
}

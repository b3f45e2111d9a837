// Generators for the authentication and clock classes of issue 10: wrong, right and unknown guesses
// across lock ends and clock steps; the idle lock and print-job claims under wall-clock steps; and
// hostile standard input, passwords and repeated configuration keys.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import fc from 'fast-check';
import {boundedLines, type LineRead} from '../../source/commands/bounded-lines.js';
import {secretLineMaxBytes} from '../../source/commands/secret-input.js';
import {ConfigError, loadConfig} from '../../source/config.js';
import {newPasswordProblem, passwordMaxLength} from '../../source/domain/password-rule.js';
import {sessionDeadlineMs} from '../../source/printing/printer-transport.js';
import {authenticate, type AuthResult} from '../../source/services/auth-service.js';
import {unlockOperator} from '../../source/services/operator-service.js';
import {markInterruptedJobs} from '../../source/services/print-service.js';
import {currentClaimer} from '../../source/services/process-claim.js';
import {voidTransaction} from '../../source/services/void-service.js';
import {addSale, addTestOperator, openFixture, tempDirectory} from '../helpers/fixture.js';
import {addNote, emptyFigures, noteViolation, type SuiteFigures} from './figures.js';

export type GeneratorOptions = {runs: number; seed?: number};

type Guess =
	| {kind: 'burst'; waitMinutes: number}
	| {kind: 'wrong'}
	| {kind: 'right'}
	| {kind: 'unknown'}
	| {kind: 'clock'; minutes: number}
	| {kind: 'unlock'; admin: boolean};

const guess: fc.Arbitrary<Guess> = fc.oneof(
	{weight: 6, arbitrary: fc.constant({kind: 'wrong'} as const)},
	// As many wrong guesses in a row as lock the operator, then maybe a wait to about the lock's end.
	{
		weight: 3,
		arbitrary: fc
			.oneof(fc.constant(0), fc.integer({min: 28, max: 45}))
			.map(waitMinutes => ({kind: 'burst', waitMinutes}) as const),
	},
	{weight: 2, arbitrary: fc.constant({kind: 'right'} as const)},
	// An unknown number costs a production scrypt (the decoy): rare, so the suite stays quick.
	{weight: 1, arbitrary: fc.constant({kind: 'unknown'} as const)},
	// Steps around the lock's length, so sequences cross a lock's end often, and back over it.
	{
		weight: 4,
		arbitrary: fc
			.oneof(fc.constantFrom(-45, -31, -29, -1, 1, 29, 31, 45, 90), fc.integer({min: -120, max: 120}))
			.map(minutes => ({kind: 'clock', minutes}) as const),
	},
	{weight: 1, arbitrary: fc.boolean().map(admin => ({kind: 'unlock', admin}) as const)},
);

const shown = (result: AuthResult) => (result.ok ? 'signed in' : `${result.reason}: ${result.message}`);

/**
 * Random sequences of wrong, right and unknown-number guesses, clock steps back and forth, and
 * unlocks, against a model of the lockout: locked exactly while the model says so; a lock's end
 * starts a fresh count (one guess after it never locks again); an unknown number gets the answer
 * a wrong password gets.
 */
export async function runLockoutSequences(options: GeneratorOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('lockout: guesses across lock ends');
	const maxFailures = 3;
	const minutes = 30;
	await fc
		.assert(
			fc.asyncProperty(fc.array(guess, {minLength: 1, maxLength: 16}), async generated => {
				const guesses = generated.flatMap(step =>
					step.kind === 'burst' ? Array.from({length: maxFailures}, () => ({kind: 'wrong'}) as const) : [step],
				);
				figures.cases++;
				const fixture = openFixture({lockout: {maxFailures, minutes}});
				try {
					const supervisor = await addTestOperator(fixture.context, '00', 'supervisor', 'right-pass');
					let failures = 0;
					let lockedUntil: number | undefined;
					let unknownAsked = false;
					for (const step of guesses) {
						const {now} = fixture.clock;
						const locked = lockedUntil !== undefined && lockedUntil > now;
						if (step.kind === 'clock') {
							fixture.clock.now += step.minutes * 60_000;
							continue;
						}

						if (step.kind === 'unlock') {
							unlockOperator(
								fixture.context,
								'00',
								step.admin ? {pcAdministrator: {account: 'counter', uid: 1000}} : supervisor,
							);
							failures = 0;
							lockedUntil = undefined;
							continue;
						}

						if (step.kind === 'unknown') {
							if (unknownAsked || locked) {
								continue;
							}

							unknownAsked = true;
							figures.faults++;

							const unknown = await authenticate(fixture.context, '77', 'guess');

							const wrong = await authenticate(fixture.context, '00', 'guess');
							if (shown(unknown) !== shown(wrong) && failures + 1 < maxFailures) {
								noteViolation(
									figures,
									`an unknown number answered "${shown(unknown)}", a wrong password "${shown(wrong)}"`,
								);
							}

							// The wrong guess made for the comparison counts like any other, below.
						}

						figures.faults++;
						const password = step.kind === 'right' ? 'right-pass' : 'guess';

						const result = step.kind === 'unknown' ? undefined : await authenticate(fixture.context, '00', password);
						// The model: a lock that has run out starts a fresh count.
						if (!locked) {
							if (lockedUntil !== undefined) {
								addNote(figures, 'guesses after a lock ended');
								failures = 0;
								lockedUntil = undefined;
							}

							if (step.kind === 'right') {
								failures = 0;
							} else {
								failures++;
								if (failures >= maxFailures) {
									lockedUntil = now + minutes * 60_000;
								}
							}
						}

						if (result === undefined) {
							continue;
						}

						const expected =
							locked || (step.kind !== 'right' && lockedUntil !== undefined)
								? 'locked'
								: step.kind === 'right'
									? 'ok'
									: 'wrong-credentials';
						const actual = result.ok ? 'ok' : result.reason;
						if (actual !== expected) {
							noteViolation(
								figures,
								`${JSON.stringify(guesses)}: ${step.kind} guess answered ${actual}, the model says ${expected}`,
							);
							return false;
						}

						const row = fixture.store.operators.get('00')!;
						if (!locked && row.failedAttempts !== failures) {
							noteViolation(
								figures,
								`${JSON.stringify(guesses)}: ${row.failedAttempts} failures stored, the model counts ${failures}`,
							);
							return false;
						}
					}

					if (!fixture.store.audit.verify().ok) {
						noteViolation(figures, 'the audit chain broke');
					}

					return true;
				} finally {
					fixture.close();
				}
			}),
			{
				numRuns: options.runs,
				seed: options.seed,
				endOnFailure: true,
				// At least one sequence crosses a lock's end, whatever the random ones do.
				examples: [[[{kind: 'burst', waitMinutes: 0}, {kind: 'clock', minutes: 31}, {kind: 'wrong'}, {kind: 'right'}]]],
			},
		)
		.catch((error: unknown) => {
			noteViolation(figures, `lockout property: ${(error as Error).message.split('\n').slice(0, 6).join(' | ')}`);
		});
	return figures;
}

/** A pid that has exited, for claims by a dead process. */
async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '']);
	await new Promise(resolve => {
		child.once('exit', resolve);
	});
	return child.pid!;
}

/**
 * Print-job claims under wall-clock steps: a job claimed by a dead process (exited, reused pid,
 * another boot) is failed at once whatever the clock says; a job claimed by a live process on this PC
 * is left alone while its claim is within the longest attempt; a claim that cannot be asked (another
 * PC, an old row) is failed once it is further from now than that, in either direction.
 */
export async function runClaimClockSteps(options: GeneratorOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('clock steps: print-job claims');
	const fixture = openFixture();
	try {
		const operator = await addTestOperator(fixture.context, '01', 'cashier');
		const [host, boot, pid, start] = currentClaimer().split('|');
		const dead = await deadPid();
		const claimers = {
			'this process': {claimer: currentClaimer(), dead: false},
			'an exited process': {claimer: [host, boot, dead, '1'].join('|'), dead: true},
			'a reused pid': {claimer: [host, boot, pid, `${start}9`].join('|'), dead: true},
			'another boot': {claimer: [host, 'another-boot', pid, start].join('|'), dead: Boolean(boot)},
			'another PC': {claimer: ['another-pc', boot, pid, start].join('|'), dead: false},
			'an old row': {claimer: undefined, dead: false},
		};
		const longest = sessionDeadlineMs(fixture.context.config.printer) + 60_000;
		fc.assert(
			fc.property(
				fc.constantFrom(...(Object.keys(claimers) as Array<keyof typeof claimers>)),
				fc.integer({min: -3 * 3_600_000, max: 3 * 3_600_000}),
				(who, step) => {
					figures.cases++;
					figures.faults++;
					const sale = addSale(fixture.context);
					const outcome = voidTransaction(fixture.context, {transactionId: sale, operator, reason: 'x'});
					if (!outcome.ok) {
						throw new Error(outcome.detail);
					}

					const claimedAt = fixture.clock.now;
					const {claimer, dead: isDead} = claimers[who];
					fixture.store.printJobs.claim(outcome.printJobId, claimedAt, claimer);
					fixture.clock.now += step;
					try {
						markInterruptedJobs(fixture.context);
						const {state} = fixture.store.printJobs.get(outcome.printJobId)!;
						const ownOrLive = who === 'this process';
						const expected = (isDead && !ownOrLive) || Math.abs(step) > longest ? 'failed' : 'printing';
						if (state !== expected) {
							noteViolation(figures, `claim by ${who}, clock stepped ${step} ms: ${state}, expected ${expected}`);
							return false;
						}

						addNote(figures, expected === 'failed' ? 'taken for abandoned' : 'left to its claimer');
						return true;
					} finally {
						fixture.clock.now = claimedAt;
						// Out of the way of the next case.
						fixture.store.printJobs.markPrinted(outcome.printJobId, claimedAt);
					}
				},
			),
			{numRuns: options.runs, seed: options.seed, endOnFailure: true},
		);
	} catch (error) {
		noteViolation(figures, `claim property: ${(error as Error).message.split('\n').slice(0, 6).join(' | ')}`);
	} finally {
		fixture.close();
	}

	return figures;
}

/**
 * The idle lock while the wall clock steps back and forth by up to two hours: it still comes after
 * the idle time, since it is measured on the monotonic clock.
 */
export async function runIdleClockSteps(options: GeneratorOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('clock steps: idle lock');
	const {consoleFixture, press, signIn} = await import('../helpers/console-ui.js');
	const idleMs = 40;
	const realNow = Date.now;
	try {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					// The clock stepped back, once or several times.
					fc.array(fc.integer({min: -7_200_000, max: -1000}), {minLength: 1, maxLength: 8}),
					fc.array(fc.integer({min: -7_200_000, max: 7_200_000}), {minLength: 1, maxLength: 8}),
				),
				async steps => {
					figures.cases++;
					const fixture = await consoleFixture({idleLockMs: idleMs});
					try {
						await signIn(fixture.instance);
						// A key after this moment restarts the idle time, so the lock cannot come sooner than idleMs after it.
						const keyAt = performance.now();
						await press(fixture.instance, 'j');
						// From the key on, each reading of the wall clock steps it once more, until the steps run out.
						let offset = 0;
						let next = 0;
						Date.now = () => {
							offset += steps[next] ?? 0;
							next++;
							return realNow() + offset;
						};

						figures.faults += steps.length;
						// Waited for on the monotonic clock: the wall clock is the thing being stepped.
						const deadline = performance.now() + 5000;
						while (!(fixture.instance.lastFrame() ?? '').includes('Console locked')) {
							if (performance.now() > deadline) {
								throw new Error('the console never locked');
							}

							await new Promise(resolve => {
								setImmediate(resolve);
							});
						}

						// A lower bound only, which the monotonic clock guarantees: a wall-clock step forward must not lock early.
						if (performance.now() - keyAt < idleMs) {
							throw new Error(
								`the console locked ${Math.round(performance.now() - keyAt)} ms after a key, before its idle time`,
							);
						}

						return true;
					} catch (error) {
						noteViolation(figures, `steps ${JSON.stringify(steps)}: ${(error as Error).message.split('\n')[0]}`);
						return false;
					} finally {
						Date.now = realNow;
						fixture.close();
					}
				},
			),
			{numRuns: options.runs, seed: options.seed, endOnFailure: true},
		);
	} catch (error) {
		noteViolation(figures, `idle property: ${(error as Error).message.split('\n')[0]}`);
	} finally {
		Date.now = realNow;
	}

	return figures;
}

async function readAll(chunks: Uint8Array[], maxBytes: number): Promise<LineRead[]> {
	const input = new PassThrough();
	const reader = boundedLines(input, maxBytes);
	for (const chunk of chunks) {
		input.write(chunk);
	}

	input.end();
	const reads: LineRead[] = [];
	for (let read = await reader.next(); read.kind !== 'end'; read = await reader.next()) {
		reads.push(read);
	}

	return reads;
}

const passwordCharacter = fc.oneof(
	fc.string({unit: 'grapheme-ascii', minLength: 1, maxLength: 1}),
	fc.constantFrom('密', '码', '￥', '𠀀', '\u0085', '\u009B', '\u007F', '\t', '\u001B', '\u2028', '\u202E'),
);

/**
 * Hostile standard input and passwords: lines around the bound (multi-byte, CR, no newline at
 * all) are read whole or refused whole, and the next line still reads; a password the one rule
 * accepts has at most 128 characters and no control; a configuration that repeats a key at any
 * depth is refused with that key named.
 */
export async function runAuthBadInput(options: GeneratorOptions): Promise<SuiteFigures> {
	const figures = emptyFigures('bad input: stdin, passwords, repeated keys');
	const line = fc.oneof(
		fc.string({maxLength: 20}),
		fc.integer({min: secretLineMaxBytes - 8, max: secretLineMaxBytes + 8}).map(size => 'p'.repeat(size)),
		fc.integer({min: 300, max: 400}).map(size => '密'.repeat(size)),
		fc.integer({min: 1, max: 60}).map(size => `${'x'.repeat(size)}\r`),
	);
	const checks: Array<[string, () => Promise<void>]> = [
		[
			'stdin lines',
			async () =>
				fc.assert(
					fc.asyncProperty(
						fc.array(line, {maxLength: 6}),
						fc.boolean(),
						fc.nat(5000),
						async (lines, newlineAtEnd, cut) => {
							figures.cases++;
							figures.faults += lines.length;
							const text = lines.join('\n') + (newlineAtEnd ? '\n' : '');
							const bytes = Buffer.from(text);
							const at = bytes.length === 0 ? 0 : cut % bytes.length;
							const reads = await readAll([bytes.subarray(0, at), bytes.subarray(at)], secretLineMaxBytes);
							const split = text.split('\n');
							if (split.at(-1) === '') {
								split.pop();
							}

							const expected = split.map(part =>
								Buffer.byteLength(part) > secretLineMaxBytes
									? {kind: 'too-long'}
									: {kind: 'line', text: part.replace(/\r$/, '')},
							);
							if (JSON.stringify(reads) !== JSON.stringify(expected)) {
								noteViolation(
									figures,
									`stdin ${JSON.stringify(lines.map(part => part.length))}: ${JSON.stringify(reads).slice(0, 200)}`,
								);
							}
						},
					),
					{numRuns: options.runs, seed: options.seed},
				),
		],
		[
			'password rule',
			async () => {
				fc.assert(
					fc.property(fc.array(passwordCharacter, {maxLength: 140}), characters => {
						figures.cases++;
						figures.faults++;
						const password = characters.join('');
						const problem = newPasswordProblem(password, 6);
						const {length} = [...password];
						// eslint-disable-next-line no-control-regex -- the controls a password must not hold
						const clean = !/[\u0000-\u001F\u007F-\u009F]/.test(password);
						const acceptable = length >= 6 && length <= passwordMaxLength && clean;
						if ((problem === undefined) !== acceptable) {
							noteViolation(figures, `password of ${length} characters: ${problem ?? 'accepted'}`);
						}
					}),
					{numRuns: options.runs * 5, seed: options.seed},
				);
			},
		],
		[
			'repeated configuration keys',
			async () => {
				const folder = tempDirectory('posvoid-repeated-keys-');
				const file = path.join(folder, 'config.json');
				const sections = ['', 'printer', 'lockout', 'merchant'] as const;
				const keys = {
					'': ['voidWindowHours', 'idleLockMinutes', 'passwordMinLength'],
					printer: ['port', 'host', 'columns'],
					lockout: ['maxFailures', 'minutes'],
					merchant: ['name', 'number'],
				};
				fc.assert(
					fc.property(
						fc.constantFrom(...sections),
						fc.nat(),
						fc.nat(),
						fc.boolean(),
						(section, pick, place, spaced) => {
							figures.cases++;
							figures.faults++;
							const key = keys[section][pick % keys[section].length]!;
							const value = key === 'name' || key === 'host' || key === 'number' ? '"a"' : '5';
							const member = `"${key}":${spaced ? ' ' : ''}${value}`;
							const before = place % 2 === 0 ? `${member}, ` : '';
							const body = `${before}"//": "comment", ${member}`;
							const text = section === '' ? `{${body}}` : `{"voidWindowHours": 24, "${section}": {${body}}}`;
							fs.writeFileSync(file, place % 2 === 0 ? text : text.replace(member, `${member}, ${member}`));
							const dotted = section === '' ? key : `${section}.${key}`;
							try {
								loadConfig(file);
								noteViolation(figures, `${text}: a repeated ${dotted} was accepted`);
							} catch (error) {
								if (!(error instanceof ConfigError) || !error.message.includes(`key ${dotted} more than once`)) {
									noteViolation(figures, `${text}: ${(error as Error).message}`);
								}
							}
						},
					),
					{numRuns: options.runs, seed: options.seed},
				);
			},
		],
	];
	for (const [name, check] of checks) {
		try {
			await check();
			addNote(figures, `${name} held`);
		} catch (error) {
			noteViolation(figures, `${name}: ${(error as Error).message.split('\n').slice(0, 4).join(' | ')}`);
		}
	}

	return figures;
}

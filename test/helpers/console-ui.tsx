import type {ExecutionContext} from 'ava';
import {render} from 'ink-testing-library';
import type {Language} from '../../source/i18n/language.js';
import {startPrinterEmulator, type Emulator} from '../../source/printing/emulator/printer-emulator.js';
import type {PrinterReadiness} from '../../source/printing/printer-transport.js';
import {App} from '../../source/ui/App.js';
import type {KeyReport} from '../../source/ui/keyboard.js';
import {addTestOperator, openFixture, type Fixture} from './fixture.js';
import {keys} from './keys.js';

export const password = 'secret12';

export type Rendered = ReturnType<typeof render>;

/** Waits until the last frame satisfies `expected` (text it contains, or a test); fails with the frame after `timeoutMs`. */
export async function waitForFrame(
	instance: Rendered,
	expected: string | ((frame: string) => boolean),
	timeoutMs = 5000,
): Promise<string> {
	const matches = typeof expected === 'string' ? (frame: string) => frame.includes(expected) : expected;
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const frame = instance.lastFrame() ?? '';
		if (matches(frame)) {
			return frame;
		}

		if (performance.now() > deadline) {
			throw new Error(
				`the screen never showed ${typeof expected === 'string' ? JSON.stringify(expected) : 'the expected state'}; last frame:\n${frame}`,
			);
		}

		// Yield to the event loop so Ink can draw; this waits for the frame, not for a duration.
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
}

/** Writes keys one event at a time, as a terminal sends them. */
export async function press(instance: Rendered, ...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		instance.stdin.write(key);
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
}

export const readyPrinter = async (): Promise<PrinterReadiness> => ({ready: true, paperNearEnd: false});

export type ConsoleFixture = Fixture & {instance: Rendered};

/** A database with a cashier 01 and a supervisor 00 (password secret12), and the console rendered on it. */
export async function consoleFixture(
	options: {
		language?: Language;
		demoAccounts?: string;
		idleLockMs?: number;
		seed?: (fixture: Fixture) => void;
		onKeyReport?: (report: KeyReport) => void;
	} = {},
): Promise<ConsoleFixture> {
	const fixture = openFixture();
	await addTestOperator(fixture.context, '01', 'cashier', password);
	await addTestOperator(fixture.context, '00', 'supervisor', password);
	options.seed?.(fixture);
	const instance = render(
		<App
			context={fixture.context}
			language={options.language ?? 'en'}
			demoAccounts={options.demoAccounts}
			idleLockMs={options.idleLockMs}
			checkPrinter={readyPrinter}
			onKeyReport={options.onKeyReport}
		/>,
	);
	return {
		...fixture,
		instance,
		close() {
			instance.unmount();
			fixture.close();
		},
	};
}

/** Signs in from the sign-in screen and waits for the list. */
export async function signIn(instance: Rendered, operatorNo = '01'): Promise<string> {
	await waitForFrame(instance, 'Operator number:');
	await press(instance, operatorNo, keys.enter);
	await waitForFrame(instance, 'Password:');
	await press(instance, password, keys.enter);
	return waitForFrame(instance, 'Today ');
}

export {keys} from './keys.js';

/**
 * The console printing to a real emulator on a free loopback port, with short timeouts; both are
 * closed when the test ends. `seed` adds rows before the console starts, as for consoleFixture.
 */
export async function consoleFixtureWithPrinter(
	t: ExecutionContext,
	options: Parameters<typeof consoleFixture>[0] = {},
): Promise<{fixture: ConsoleFixture; emulator: Emulator}> {
	const emulator = await startPrinterEmulator({host: '127.0.0.1', port: 0, columns: 32});
	const fixture = await consoleFixture({
		...options,
		seed(seeded) {
			options.seed?.(seeded);
			seeded.context.config.printer = {
				...seeded.context.config.printer,
				host: emulator.host,
				port: emulator.port,
				connectTimeoutMs: 500,
				writeTimeoutMs: 1000,
			};
		},
	});
	t.teardown(async () => {
		fixture.close();
		await emulator.close();
	});
	return {fixture, emulator};
}

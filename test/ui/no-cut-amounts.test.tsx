// Every screen at 40, 60 and 80 columns in both languages: an amount is never cut (no `…` right
// after a digit, a point or the yuan sign). Text may wrap and whole columns may go, money may not.
import test from 'ava';
import {messagesFor} from '../../source/i18n/catalogue.js';
import type {Language} from '../../source/i18n/language.js';
import {addSale, type Fixture} from '../helpers/fixture.js';
import {consoleFixture, keys, password, press, waitForFrame, type Rendered} from '../helpers/console-ui.js';

const cutAmount = /[\d.¥￥]…/;

function seed(fixture: Fixture): void {
	const {now} = fixture.clock;
	addSale(fixture.context, {voucherNo: '000250', amount: 1_234_567, createdAt: now - 24 * 60 * 60_000});
	addSale(fixture.context, {voucherNo: '000301', amount: 3333, channel: 'unionpay_qr', createdAt: now - 120_000});
	addSale(fixture.context, {voucherNo: '000302', amount: 1_234_567, channel: 'wechat', createdAt: now - 60_000});
}

/** Sets the width ink-testing-library reports (always 100 otherwise) and tells Ink and the console it changed. */
function resize(instance: Rendered, columns: number): void {
	Object.defineProperty(instance.stdout, 'columns', {get: () => columns, configurable: true});
	instance.stdout.emit('resize');
}

const clean = (frame: string) => frame.replaceAll(/\u001B\[[\d;]*m/g, ''); // eslint-disable-line no-control-regex

for (const language of ['en', 'zh-CN'] as const satisfies readonly Language[]) {
	for (const columns of [40, 60, 80]) {
		test(`${language} at ${columns} columns: no screen cuts an amount`, async t => {
			const messages = messagesFor(language);
			const fixture = await consoleFixture({language, seed});
			t.teardown(fixture.close);
			const {instance} = fixture;
			resize(instance, columns);
			const frames: Array<[string, string]> = [];
			const see = async (name: string, expected: string | ((frame: string) => boolean)) => {
				frames.push([name, clean(await waitForFrame(instance, expected))]);
			};

			// An Esc followed at once by a letter reads as Meta+letter: wait for the list before the next key.
			const backToList = async () => {
				await press(instance, keys.escape);
				await waitForFrame(
					instance,
					frame => frame.includes('000301') && frame.includes(messages.list.columns.voucher),
				);
			};

			await see('sign-in', messages.signIn.operatorPrompt.trim());
			await press(instance, '00', keys.enter);
			await waitForFrame(instance, messages.signIn.passwordPrompt.trim());
			await press(instance, password, keys.enter);
			await see('list', frame => frame.includes('000302') && frame.includes('000301'));

			await press(instance, '/');
			await waitForFrame(instance, messages.list.searchPrompt.trim());
			await press(instance, '000250', keys.enter);
			await see('search', frame => frame.includes(messages.list.search('000250')) && /›.*000250/.test(frame));
			await press(instance, keys.escape);
			await waitForFrame(instance, frame => frame.includes('000302'));

			await press(instance, keys.enter);
			await see('detail', messages.detail.title);
			await press(instance, keys.escape);
			await waitForFrame(instance, frame => frame.includes('000301'));

			await press(instance, 'v');
			await waitForFrame(instance, messages.voidFlow.passwordPrompt('00').trim());
			await press(instance, 'wrong-one', keys.enter);
			const prompt = messages.voidFlow.passwordPrompt('00').trim();
			await see('void refused', frame => {
				const lines = frame.split('\n');
				const at = lines.findIndex(line => line.trim() === prompt);
				return at !== -1 && (lines[at + 1] ?? '').trim() !== '';
			});
			await press(instance, password, keys.enter);
			// The prompt may wrap at 40 columns: its start is enough.
			await see('reason', messages.voidFlow.reasonPrompt.slice(0, 6));
			await press(instance, keys.enter);
			await see('confirm', messages.voidFlow.confirmTitle);
			await press(instance, 'n');
			await waitForFrame(instance, frame => !frame.includes(messages.voidFlow.confirmTitle));

			await press(instance, 'x');
			await see('shift report', messages.shiftReport.title('000001').slice(0, 8));
			await backToList();
			await press(instance, 'p');
			await see('queue', messages.queue.title);
			await backToList();
			await press(instance, '?');
			await see('help', messages.help.title);
			await backToList();
			await press(instance, 'a');
			await see('audit', messages.audit.title);

			for (const [name, frame] of frames) {
				t.notRegex(frame, cutAmount, `${name}:\n${frame}`);
			}
		});
	}
}

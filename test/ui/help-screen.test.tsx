import test from 'ava';
import {render} from 'ink-testing-library';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {helpEntries} from '../../source/ui/keymap.js';
import {KeyboardRouter} from '../../source/ui/keyboard.js';
import {HelpScreen} from '../../source/ui/screens/HelpScreen.js';
import {ConsoleContext, type ConsoleValue} from '../../source/ui/console-context.js';
import {keyTextFor} from '../../source/ui/key-text.js';
import {keys, press, waitForFrame} from '../helpers/console-ui.js';

const messages = messagesFor('en');
const firstLabel = helpEntries()[0]!.labels;
const lastLabel = helpEntries().at(-1)!.labels;
const hasLine = (frame: string, label: string) => frame.split('\n').some(line => line.startsWith(`  ${label} `));

test('help says it continues, and scrolls with PgDn, PgUp, End and Home', async t => {
	const instance = render(
		<KeyboardRouter>
			<ConsoleContext.Provider
				value={{messages, keyText: keyTextFor('en'), bodyHeight: 8, columns: 100} as unknown as ConsoleValue}
			>
				<HelpScreen />
			</ConsoleContext.Provider>
		</KeyboardRouter>,
	);
	t.teardown(instance.unmount);
	const start = await waitForFrame(instance, messages.help.title);
	t.true(start.includes(messages.help.moreBelow), start);
	t.false(start.includes(messages.help.moreAbove));
	t.true(hasLine(start, firstLabel));

	await press(instance, keys.pageDown);
	const paged = await waitForFrame(instance, frame => !hasLine(frame, firstLabel));
	t.true(paged.includes(messages.help.moreAbove), paged);

	await press(instance, keys.end);
	const end = await waitForFrame(instance, frame => hasLine(frame, lastLabel));
	t.false(end.includes(messages.help.moreBelow), end);

	await press(instance, keys.pageUp);
	await waitForFrame(instance, frame => !hasLine(frame, lastLabel));
	await press(instance, keys.home);
	const home = await waitForFrame(instance, frame => hasLine(frame, firstLabel));
	t.false(home.includes(messages.help.moreAbove), home);
});

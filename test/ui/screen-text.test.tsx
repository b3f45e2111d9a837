import test from 'ava';
import {render} from 'ink-testing-library';
import React from 'react';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {StatusBar} from '../../source/ui/components/StatusBar.js';
import {MenuItem, Text} from '../../source/ui/components/Text.js';

// What must never reach a terminal from data: C0 but line feed, DEL, C1, bidi controls, zero-width characters.
// Ink's own colour sequences (ESC [ … m) are stripped from the frame before it is checked.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
// eslint-disable-next-line no-control-regex -- the colour sequences Ink writes itself
const inkColours = /\u001B\[[\d;]*m/g;
const hostile = `A\u202EB\u2066C\u200BD\uFEFF\u001B]52;c;cG9zdm9pZA==\u0007E\u001B[2J\u009B31m\tF`;

function frameOf(element: React.JSX.Element): string {
	const instance = render(element);
	const frame = (instance.lastFrame() ?? '').replaceAll(inkColours, '');
	instance.unmount();
	return frame;
}

test('a Text draws a string without escape sequences, bidi overrides or zero-width characters', t => {
	const frame = frameOf(
		<Text>
			{hostile}
			<Text bold>{hostile}</Text>
		</Text>,
	);
	t.notRegex(frame, unsafe, JSON.stringify(frame));
	t.true(frame.includes('ABCD]52;c;cG9zdm9pZA==E[2J31m F'), JSON.stringify(frame));
});

test('a menu item and the status bar show names through the same sanitiser', t => {
	const menu = frameOf(<MenuItem isSelected label={hostile} />);
	t.notRegex(menu, unsafe, JSON.stringify(menu));

	const messages = messagesFor('en');
	const bar = frameOf(
		<StatusBar
			messages={messages}
			columns={120}
			operator={{operatorNo: '01', name: `Li${hostile}`, role: 'cashier', at: 0}}
			batchNo="000001"
			printer={{state: 'ready', paperNearEnd: false}}
			waiting={0}
			time={Date.UTC(2026, 10, 25, 9, 30)}
			timeZone="Asia/Shanghai"
			isDemo={false}
		/>,
	);
	t.notRegex(bar, unsafe, JSON.stringify(bar));
	t.true(bar.includes('LiABCD'), bar);
});

test('a status bar too long for the window ends in … at a word, never in the middle of a number', t => {
	const messages = messagesFor('en');
	const bar = frameOf(
		<StatusBar
			messages={messages}
			columns={50}
			operator={{operatorNo: '01', name: 'Li', role: 'cashier', at: 0}}
			batchNo="000001"
			printer={{state: 'ready', paperNearEnd: false}}
			waiting={12}
			time={Date.UTC(2026, 10, 25, 9, 30)}
			timeZone="Asia/Shanghai"
			isDemo={false}
		/>,
	);
	t.regex(bar, / …\s+17:30$/, bar);
	t.notRegex(bar, /\d…/, bar);
	t.true(bar.startsWith('Operator 01 Li │ Batch 000001'), bar);
});

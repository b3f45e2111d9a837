import test from 'ava';
import {printerFailureKinds, queueFailureKinds} from '../../source/domain/print-failure.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {languages} from '../../source/i18n/language.js';
import {printFailureText, storedFailureText} from '../../source/i18n/print-failure-text.js';
import {storedFailure} from '../../source/printing/printer-failure.js';

test("every print failure kind, the printer's and the queue's, has a message and advice in each language", t => {
	for (const kind of [...printerFailureKinds, ...queueFailureKinds]) {
		const english = printFailureText(messagesFor('en'), {kind});
		const chinese = printFailureText(messagesFor('zh-CN'), {kind});
		for (const {message, advice} of [english, chinese]) {
			t.true(message.length > 0 && advice.length > 0, kind);
		}

		t.not(chinese.message, english.message, kind);
		t.regex(chinese.message, /\p{Script=Han}/v, kind);
	}

	t.regex(printFailureText(messagesFor('en'), {kind: 'paper-out'}).advice, /load paper/iv);
	t.regex(printFailureText(messagesFor('zh-CN'), {kind: 'reset'}).advice, /重打印/v);
	t.regex(printFailureText(messagesFor('en'), {kind: 'unreachable'}).advice, /power and network cable/v);
});

test('a failure kept with its job is told back in the clerk language; anything else as kept, on one line', t => {
	const kept = storedFailure({kind: 'paper-out', detail: 'DLE EOT 4 said 0x60'});
	t.is(storedFailureText(messagesFor('en'), kept), 'The printer is out of paper');
	t.is(storedFailureText(messagesFor('zh-CN'), kept), '打印机缺纸');
	for (const language of languages) {
		const messages = messagesFor(language);
		t.is(storedFailureText(messages, 'disk: full\u001B[2J\nagain'), 'disk: full[2J again');
		t.is(
			storedFailureText(messages, 'toString: inherited names are not kinds'),
			'toString: inherited names are not kinds',
		);
		t.is(storedFailureText(messages, undefined), '');
	}
});

import test from 'ava';
import {administrationEvents, auditEvents, isAuditEvent} from '../../source/domain/audit-chain.js';
import {isOperatorRole, operatorRoles} from '../../source/domain/transaction.js';
import {isRefusalCode, policyRefusals, refusalCodes} from '../../source/domain/void-policy.js';
import {messagesFor} from '../../source/i18n/catalogue.js';
import {languages} from '../../source/i18n/language.js';
import {refusalText} from '../../source/i18n/refusal-text.js';
import {auditFilterKinds} from '../../source/ui/state/audit-view.js';

test("every refusal code, the policy's and the void service's, is known and has a message and advice in each language", t => {
	t.true(policyRefusals.every(code => refusalCodes.includes(code)));
	for (const code of refusalCodes) {
		t.true(isRefusalCode(code), code);
		for (const language of languages) {
			const text = refusalText(messagesFor(language), code, {terminalId: 'T1', operatorNo: '01'});
			t.not(text.message, code, `${language} ${code}`);
			t.true(text.message.length > 0 && text.advice.length > 0, `${language} ${code}`);
		}
	}

	t.false(isRefusalCode('made-up'));
	t.deepEqual(refusalText(messagesFor('en'), 'made-up'), {message: 'made-up', advice: ''});
});

test('operator roles are cashier and supervisor, and nothing else passes for one', t => {
	t.deepEqual([...operatorRoles], ['cashier', 'supervisor']);
	t.true(operatorRoles.every(role => isOperatorRole(role)));
	t.false(isOperatorRole('admin'));
});

test("the audit view steps through every counter event kind the chain knows, in the chain's order", t => {
	t.true(auditEvents.every(event => isAuditEvent(event)));
	t.false(isAuditEvent('made-up'));
	t.deepEqual(auditFilterKinds, [undefined, ...auditEvents.filter(event => !administrationEvents.has(event))]);
	t.deepEqual(auditFilterKinds.slice(1), [
		'sign-in',
		'sign-in-failed',
		'lockout',
		'void',
		'void-refused',
		'print',
		'print-failed',
		'reprint',
		'settlement',
		'void-request',
		'payment-exchange',
		'void-answer',
		'void-settle',
	]);
	for (const language of languages) {
		t.true(auditEvents.every(event => messagesFor(language).audit.events[event].length > 0));
	}
});

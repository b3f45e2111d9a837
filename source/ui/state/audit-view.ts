import {administrationEvents, auditEvents, type AuditEvent} from '../../services/audit-service.js';
import {clampTop} from './scroll.js';

/**
 * The event kinds the audit view filters by, in the order `e` steps through them; undefined is every
 * kind. The counter's own events: administration is seen on the command line (`posvoid audit --event`).
 */
export const auditFilterKinds: ReadonlyArray<AuditEvent | undefined> = [
	undefined,
	...auditEvents.filter(event => !administrationEvents.has(event)),
];

export type AuditView = {
	/** Only this operator's events; undefined for everyone. */
	operatorNo?: string;
	/** Index into auditFilterKinds. */
	kindIndex: number;
	/** The first row shown: the log scrolls, newest first. */
	top: number;
	/** True while the operator number is being typed. */
	editing: boolean;
};

export type AuditViewEvent =
	| {type: 'next-kind'}
	| {type: 'edit-operator'}
	| {type: 'cancel-edit'}
	| {type: 'operator'; operatorNo: string}
	| {type: 'scroll'; by: number; rows: number; visible: number};

export const initialAuditView: AuditView = {kindIndex: 0, top: 0, editing: false};

export function auditKind(view: AuditView): AuditEvent | undefined {
	return auditFilterKinds[view.kindIndex];
}

export function auditViewReducer(view: AuditView, event: AuditViewEvent): AuditView {
	switch (event.type) {
		case 'next-kind': {
			return {...view, kindIndex: (view.kindIndex + 1) % auditFilterKinds.length, top: 0};
		}

		case 'edit-operator': {
			return {...view, editing: true};
		}

		case 'cancel-edit': {
			return {...view, editing: false};
		}

		case 'operator': {
			const operatorNo = event.operatorNo.trim();
			return {...view, operatorNo: operatorNo === '' ? undefined : operatorNo, editing: false, top: 0};
		}

		case 'scroll': {
			return {...view, top: clampTop(view.top + event.by, event.rows, event.visible)};
		}
	}
}

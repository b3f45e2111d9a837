import {createContext, useContext} from 'react';
import type {Language} from '../i18n/language.js';
import type {Messages} from '../i18n/messages.js';
import type {Authenticated} from '../services/auth-service.js';
import type {ServiceContext} from '../services/service-context.js';
import type {PrinterPoll} from './hooks/use-printer-status.js';
import type {KeyText} from './key-text.js';
import type {AppEvent} from './state/app-state.js';

/** What every screen may read without it being handed down: the services, the words, the frame's size. */
export type ConsoleValue = {
	readonly context: ServiceContext;
	readonly language: Language;
	readonly messages: Messages;
	readonly keyText: KeyText;
	readonly timeZone: string;
	/** The frame's width, and the lines between the status bar and the footer. */
	readonly columns: number;
	readonly bodyHeight: number;
	/** Present on every screen but the sign-in and the lock. */
	readonly session: Authenticated | undefined;
	readonly printer: PrinterPoll;
	/** Moves between screens (app-state.ts). */
	readonly dispatch: (event: AppEvent) => void;
	/** Reads the status bar's figures again after a change (slips waiting, the open batch). */
	readonly refresh: () => void;
	/** Leaves the console cleanly (q on the list, Ctrl+C). */
	readonly quit: () => void;
};

export const ConsoleContext = createContext<ConsoleValue | undefined>(undefined);

export function useConsole(): ConsoleValue {
	const value = useContext(ConsoleContext);
	if (!value) {
		throw new Error('useConsole outside the console');
	}

	return value;
}

/** The signed-in operator, on a screen that only shows while someone is signed in. */
export function useSession(): Authenticated {
	const {session} = useConsole();
	if (!session) {
		throw new Error('a signed-in screen without a session');
	}

	return session;
}

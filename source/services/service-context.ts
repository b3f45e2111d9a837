import {randomBytes} from 'node:crypto';
import {systemClock} from '../clock.js';
import type {Config} from '../config.js';
import type {Store} from '../store/store.js';

/** What every use case needs. The clock and the random source are passed in so tests control them. */
export type ServiceContext = {
	store: Store;
	config: Config;
	now: () => number;
	random: (size: number) => Uint8Array;
};

export function createServiceContext(
	store: Store,
	config: Config,
	overrides: Partial<Pick<ServiceContext, 'now' | 'random'>> = {},
): ServiceContext {
	return {
		store,
		config,
		now: overrides.now ?? systemClock(),
		random: overrides.random ?? (size => randomBytes(size)),
	};
}

// The screens tell "another program is using the database" apart from other errors: ui/ does not import store/.
export {DatabaseBusyError} from '../store/store-errors.js';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {defaultConfig, type Config} from '../../source/config.js';
import {createServiceContext, type ServiceContext} from '../../source/services/service-context.js';
import {openStore, type Store} from '../../source/store/store.js';
import type {OpenOptions} from '../../source/store/database.js';

export type TempDatabase = {
	/** The temp folder that holds the database file and its -wal and -shm files, and nothing else. */
	folder: string;
	file: string;
	store: Store;
	config: Config;
	/** A service context on this store with a fixed clock (`testNow`), so tests do not depend on the date. */
	context: ServiceContext;
	/** A service context with another clock or random source. */
	contextWith: (overrides: Partial<Pick<ServiceContext, 'now' | 'random'>>) => ServiceContext;
};

/** 2026-11-25 12:00 in Asia/Shanghai: the default clock of test contexts. */
export const testNow = Date.parse('2026-11-25T12:00:00+08:00');

/** A new empty folder, removed when the test ends. */
export function tempFolder(t: ExecutionContext, prefix = 'posvoid-test-'): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	t.teardown(() => {
		fs.rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

/** A real SQLite file opened through openStore in its own temp folder; closed and removed when the test ends. */
export function tempDatabase(
	t: ExecutionContext,
	options: OpenOptions & {config?: Partial<Config>} = {},
): TempDatabase {
	const folder = tempFolder(t);
	const file = path.join(folder, 'posvoid.db');
	const {config: configOverrides, ...openOptions} = options;
	const store = openStore(file, openOptions);
	t.teardown(() => {
		store.close();
	});
	const config: Config = {...defaultConfig(), ...configOverrides, database: file};
	return {
		folder,
		file,
		store,
		config,
		context: createServiceContext(store, config, {now: () => testNow}),
		contextWith: overrides => createServiceContext(store, config, {now: () => testNow, ...overrides}),
	};
}

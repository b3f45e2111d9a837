import {createRequire} from 'node:module';
import {Worker} from 'node:worker_threads';
import {sqlEngine} from './sqlite-driver.js';
import {DatabaseDamagedError} from './store-errors.js';

/**
 * `PRAGMA quick_check` reads every page of the file: about 1.5 s for a million sales on an idle disk.
 * So it runs on its own read-only connection in a worker thread while the console draws and reads, and
 * the first write waits for its answer. A damaged database is never written to.
 */
export type WriteGate = {
	/** The check's answer so far. */
	readonly state: 'checking' | 'ok' | 'damaged';
	/** Sign-in's bookkeeping may be written before the check answers. */
	readonly signInFirst: boolean;
	/** Blocks until the check has answered; throws DatabaseDamagedError when it found damage. */
	beforeWrite(): void;
};

const pending = 0;
const passed = 1;
const damaged = 2;
const running = 3;
/** A worker that has not begun by then never will: the check then runs on the writer's own thread. */
const startDeadlineMs = 10_000;
const detailBytes = 4096;

// The worker is plain CommonJS evaluated from this text, so the bundle needs no second entry file.
const workerSource = String.raw`
const {workerData} = require('node:worker_threads');
const status = new Int32Array(workerData.shared, 0, 1);
const detail = new Uint8Array(workerData.shared, 4);
Atomics.compareExchange(status, 0, ${pending}, ${running});
let problems;
let isDamage = false;
try {
	if (workerData.engine === 'node:sqlite') {
		const {DatabaseSync} = require('node:sqlite');
		const db = new DatabaseSync(workerData.file, {readOnly: true, timeout: 5000});
		problems = db.prepare('PRAGMA quick_check').all().map(row => String(Object.values(row)[0]));
		db.close();
	} else {
		const Database = require(workerData.module);
		const db = new Database(workerData.file, {readonly: true, fileMustExist: true, timeout: 5000});
		problems = db.prepare('PRAGMA quick_check').pluck().all().map(String);
		db.close();
	}
	isDamage = !(problems.length === 1 && problems[0] === 'ok');
} catch (error) {
	const code = String(error.code) + ' ' + String(error.errcode);
	isDamage = /CORRUPT|NOTADB| 11$| 26$/.test(code) || /malformed|not a database/.test(String(error.message));
	problems = [String(error.message)];
}
const text = new TextEncoder().encode(problems.slice(0, 5).join('; ')).subarray(0, detail.length);
detail.set(text);
Atomics.store(status, 0, isDamage ? ${damaged} : ${passed});
Atomics.notify(status, 0);
`;

const requireModule = createRequire(import.meta.url);

/** Starts the check of `file` in a worker thread and returns the gate its writes pass through. */
export function startIntegrityCheck(
	file: string,
	checkHere: () => string,
	{signInFirst}: {signInFirst: boolean},
): WriteGate {
	const shared = new SharedArrayBuffer(4 + detailBytes);
	const status = new Int32Array(shared, 0, 1);
	const engine = sqlEngine();
	let state: WriteGate['state'] = 'checking';
	let detail = '';
	try {
		const worker = new Worker(workerSource, {
			eval: true,
			workerData: {
				shared,
				file,
				engine,
				module: engine === 'better-sqlite3' ? requireModule.resolve('better-sqlite3') : undefined,
			},
		});
		// The check never keeps a finished command alive; a write that needs its answer waits for it.
		worker.unref();
	} catch {
		// No worker thread to be had: the first write runs the check itself.
	}

	const answer = () => {
		if (state !== 'checking') {
			return;
		}

		// The main thread is blocked here, so the worker's own events cannot tell of its death: a worker
		// that has not begun within the deadline is given up, and the check runs here instead.
		const deadline = performance.now() + startDeadlineMs;
		while (Atomics.load(status, 0) === pending && performance.now() < deadline) {
			Atomics.wait(status, 0, pending, 100);
		}

		if (Atomics.compareExchange(status, 0, pending, running) === pending) {
			const problems = checkHere();
			detail = problems;
			state = problems === 'ok' ? 'ok' : 'damaged';
			return;
		}

		while (Atomics.load(status, 0) === running) {
			Atomics.wait(status, 0, running);
		}

		state = Atomics.load(status, 0) === damaged ? 'damaged' : 'ok';
		const bytes = new Uint8Array(shared, 4);
		const end = bytes.indexOf(0);
		detail = new TextDecoder().decode(bytes.slice(0, end === -1 ? bytes.length : end));
	};

	return {
		signInFirst,
		get state() {
			const now = Atomics.load(status, 0);
			if (state === 'checking' && (now === passed || now === damaged)) {
				answer();
			}

			return state;
		},
		beforeWrite() {
			answer();
			if (state === 'damaged') {
				throw new DatabaseDamagedError(file, `SQLite quick_check: ${detail}`);
			}
		},
	};
}

/** A gate that lets every write through: for stores opened without the check. */
export const openGate: WriteGate = {
	state: 'ok',
	signInFirst: true,
	beforeWrite() {
		// Nothing to wait for.
	},
};

import fs from 'node:fs';
import os from 'node:os';

/**
 * The PC account that runs this process, when it may act as the database's administrator: it owns
 * the database file, or it is root. This is the way back for a store whose supervisors are all
 * locked out: it needs a login to the counter PC as that account, more than the sign-in screen.
 */
export type PcAdministrator = {account: string; uid: number};

export type PcAdministratorCheck = {ok: true; administrator: PcAdministrator} | {ok: false; message: string};

function accountName(uid: number): string {
	try {
		return os.userInfo().username;
	} catch {
		return `uid ${uid}`;
	}
}

/** The account running this process; undefined where the system has no user ids (Windows). */
export function processAccount(): PcAdministrator | undefined {
	if (typeof process.getuid !== 'function') {
		return undefined;
	}

	const uid = process.getuid();
	return {uid, account: accountName(uid)};
}

/** Whether `runner` (processAccount() for this process) owns `databaseFile`, or is root. */
export function checkPcAdministrator(databaseFile: string, runner: PcAdministrator | undefined): PcAdministratorCheck {
	if (runner === undefined) {
		return {
			ok: false,
			message:
				'--admin needs a system with file owners (Linux, macOS): on this one, a supervisor must unlock the operator',
		};
	}

	const {uid, account} = runner;
	const owner = fs.statSync(databaseFile).uid;
	if (uid !== 0 && uid !== owner) {
		return {
			ok: false,
			message: `--admin needs the PC account that owns ${databaseFile} (uid ${owner}) or root; this is ${account} (uid ${uid}): log in as that account, or use sudo`,
		};
	}

	return {ok: true, administrator: runner};
}

import fs from 'node:fs';
import os from 'node:os';

// A print job in 'printing' names the process that claimed it: host, boot, pid and the pid's start
// time. Another process on the same PC can then tell at once whether that claimer is still running,
// without comparing wall-clock times (which a clock step makes wrong in either direction).

/** Whether the process that claimed a job still runs: 'unknown' when it cannot be told (another PC, an old row). */
export type ClaimerState = 'alive' | 'dead' | 'unknown';

const separator = '|';

function readText(file: string): string | undefined {
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		return undefined;
	}
}

/** The fields of /proc/PID/stat after the command name, which may itself hold spaces and parentheses. */
function procStat(pid: number): string[] | undefined {
	const text = readText(`/proc/${pid}/stat`);
	const end = text?.lastIndexOf(')') ?? -1;
	return text === undefined || end === -1 ? undefined : text.slice(end + 2).split(' ');
}

/** Field 22 of /proc/PID/stat, the start time since boot: a reused pid has another. */
function startTime(pid: number): string {
	return procStat(pid)?.[19] ?? '';
}

function bootId(): string {
	return readText('/proc/sys/kernel/random/boot_id') ?? '';
}

let current: string | undefined;

/** This process, as a claim records it. */
export function currentClaimer(): string {
	current ??= [os.hostname(), bootId(), process.pid, startTime(process.pid)].join(separator);
	return current;
}

function isRunning(pid: number): boolean | undefined {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		// EPERM: it runs, as another account.
		return code === 'ESRCH' ? false : code === 'EPERM' ? true : undefined;
	}
}

/** Whether the process a claim names still runs on this PC. */
export function claimerState(claimer: string | undefined): ClaimerState {
	const [host, boot, pidText, start] = claimer?.split(separator) ?? [];
	const pid = Number(pidText);
	if (host !== os.hostname() || !Number.isSafeInteger(pid) || pid <= 0) {
		return 'unknown';
	}

	if (boot && bootId() && boot !== bootId()) {
		return 'dead';
	}

	const running = isRunning(pid);
	if (running !== true) {
		return running === false ? 'dead' : 'unknown';
	}

	const stat = procStat(pid);
	if (stat === undefined) {
		// No /proc (macOS): the pid runs, and whether it was reused cannot be told.
		return 'alive';
	}

	// A zombie has ended; another start time is another process under a reused pid.
	return stat[0] === 'Z' || (start !== undefined && start !== '' && stat[19] !== start) ? 'dead' : 'alive';
}

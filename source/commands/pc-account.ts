import os from 'node:os';
import process from 'node:process';

/** The PC account this process runs under: who ran a command that changes the books without an operator's sign-in. */
export function pcAccount(): string {
	try {
		return os.userInfo().username;
	} catch {
		return process.env['USER'] ?? process.env['USERNAME'] ?? `uid ${process.getuid?.() ?? '?'}`;
	}
}

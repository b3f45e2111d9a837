import fs from 'node:fs';
import path from 'node:path';
import {repoRoot} from '../helpers/child-process.js';
import {binary, runCli, type CliResult} from '../helpers/cli.js';

let copied: string | undefined;

/**
 * The built binary, copied once per run: other work in the same checkout may rebuild or clean dist/
 * while a long soak runs. The copy sits under node_modules/.cache so its better-sqlite3 import resolves.
 */
export function soakBinary(): string {
	if (!copied) {
		// The whole of dist/: the bundle may load chunks beside it.
		const folder = path.join(repoRoot, `node_modules/.cache/posvoid-soak/${process.pid}`);
		fs.rmSync(folder, {recursive: true, force: true});
		fs.cpSync(path.dirname(binary), folder, {recursive: true});
		copied = path.join(folder, path.basename(binary));
		process.once('exit', () => {
			fs.rmSync(folder, {recursive: true, force: true});
		});
	}

	return copied;
}

export type PosvoidResult = CliResult;

/** Runs `posvoid` (the copy) with `input` on its standard input, as runCli does with dist/posvoid.js. */
export async function runPosvoid(args: string[], options: {input?: string; cwd?: string} = {}): Promise<PosvoidResult> {
	return runCli(args, {...options, binary: soakBinary()});
}

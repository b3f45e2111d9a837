// Takes the database's write lock (BEGIN IMMEDIATE) and holds it, as a stuck second console or a long
// maintenance job would, until a line arrives on stdin or HOLD_MS pass. Arguments: DB_FILE HOLD_MS.
// Prints "locked", then "released".
import {openStore} from '../../../source/store/store.js';

const [file, holdMs] = process.argv.slice(2);
const store = openStore(file!, {create: false});
store.db.exec('BEGIN IMMEDIATE');
const release = () => {
	clearTimeout(limit);
	store.db.exec('COMMIT');
	store.close();
	process.stdout.write('released\n');
	process.exit(0);
};

const limit = setTimeout(release, Number(holdMs));
process.stdin.once('data', release);
process.stdout.write('locked\n');

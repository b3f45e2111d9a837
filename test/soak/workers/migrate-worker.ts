// Creates new databases one after another in DIRECTORY (0001.db, 0002.db, …), each opened, migrated
// and closed, until killed or MAX files. Prints "ready", then "migrated FILE" after each. Arguments: DIRECTORY MAX.
import path from 'node:path';
import {openStore} from '../../../source/store/store.js';

const [directory, max] = process.argv.slice(2);
process.stdout.write('ready\n');
for (let index = 1; index <= Number(max ?? 1000); index++) {
	const file = path.join(directory!, `${String(index).padStart(4, '0')}.db`);
	openStore(file, {create: true}).close();
	process.stdout.write(`migrated ${file}\n`);
}

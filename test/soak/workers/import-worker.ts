// Imports FILE into DB_FILE through the import service, as `posvoid import` does. Arguments: DB_FILE FILE.
// Used only while the built binary has no import command. Prints "imported N" or "refused".
import {defaultConfig} from '../../../source/config.js';
import {importTransactions} from '../../../source/services/import-service.js';
import {createServiceContext} from '../../../source/services/service-context.js';
import {openStore} from '../../../source/store/store.js';

const [file, importFile] = process.argv.slice(2);
const store = openStore(file!, {create: false});
const context = createServiceContext(store, {...defaultConfig(), database: file!});
process.stdout.write('ready\n');
const report = await importTransactions(context, importFile!);
store.close();
process.stdout.write(report.committed ? `imported ${report.imported}\n` : 'refused\n');

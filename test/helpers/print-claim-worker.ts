// A separate process that starts printing a job and then hangs mid-slip, for the tests of a job
// left 'printing' by a process that died. Arguments: DB_FILE JOB_ID NOW_MS. It prints "claimed"
// once its claim is committed; its printer accepts the connection and never answers.
import net from 'node:net';
import {defaultConfig} from '../../source/config.js';
import {printJob} from '../../source/services/print-service.js';
import {createServiceContext} from '../../source/services/service-context.js';
import {openStore} from '../../source/store/store.js';

const [file, jobId, now] = process.argv.slice(2);
const silent = net.createServer(() => {
	// Never answers the status query: the attempt stays in progress until the test kills it.
});
silent.listen(0, '127.0.0.1', () => {
	const {port} = silent.address() as net.AddressInfo;
	const store = openStore(file!, {create: false, busyTimeoutMs: 10_000});
	const base = defaultConfig();
	const config = {
		...base,
		database: file!,
		printer: {...base.printer, port, connectTimeoutMs: 600_000, writeTimeoutMs: 600_000},
	};
	const context = createServiceContext(store, config, {now: () => Number(now)});
	void printJob(context, Number(jobId), step => {
		if (step === 'checking') {
			process.stdout.write('claimed\n');
		}
	});
});

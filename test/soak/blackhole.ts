import {spawn, type ChildProcess} from 'node:child_process';
import net from 'node:net';

export type Blackhole = {
	port: number;
	close(): Promise<void>;
};

/** A process that listens on 127.0.0.1 and is then stopped (SIGSTOP), so nothing ever accepts or reads. */
async function stoppedListener(backlog: number): Promise<{child: ChildProcess; port: number}> {
	const child = spawn(process.execPath, [
		'-e',
		`require('node:net').createServer().listen({port: 0, host: '127.0.0.1', backlog: ${backlog}}, function () { console.log(this.address().port); });`,
	]);
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout.setEncoding('utf8');
		child.stdout.once('data', (chunk: string) => {
			resolve(Number(chunk.trim()));
		});
		child.once('exit', code => {
			reject(new Error(`the listener exited with ${code}`));
		});
	});
	child.kill('SIGSTOP');
	return {child, port};
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return;
	}

	const gone = new Promise(resolve => {
		child.once('exit', resolve);
	});
	child.kill('SIGKILL');
	await gone;
}

async function connectsWithin(port: number, ms: number): Promise<net.Socket | undefined> {
	return new Promise(resolve => {
		const socket = net.connect({host: '127.0.0.1', port});
		socket.on('error', () => undefined);
		const timer = setTimeout(() => {
			socket.destroy();
			resolve(undefined);
		}, ms);
		socket.once('connect', () => {
			clearTimeout(timer);
			resolve(socket);
		});
	});
}

/**
 * A loopback port whose accept queue is full: the kernel drops new SYNs, so a connect neither succeeds
 * nor is refused, like a printer address where nothing answers. Made from a stopped listener with a
 * backlog of 1 and the few connections that fill its queue.
 */
export async function startBacklogFullPort(): Promise<Blackhole> {
	const {child, port} = await stoppedListener(1);
	const fillers: net.Socket[] = [];
	for (let attempt = 0; attempt < 16; attempt++) {
		const socket = await connectsWithin(port, 300);
		if (!socket) {
			return {
				port,
				async close() {
					for (const filler of fillers) {
						filler.destroy();
					}

					await stop(child);
				},
			};
		}

		fillers.push(socket);
	}

	for (const filler of fillers) {
		filler.destroy();
	}

	await stop(child);
	throw new Error('the accept queue of a stopped listener never filled');
}

/** A loopback port where the kernel completes the connection but no program ever reads or answers. */
export async function startSilentListener(): Promise<Blackhole> {
	const {child, port} = await stoppedListener(511);
	return {
		port,
		async close() {
			await stop(child);
		},
	};
}

/** A loopback port with nothing listening: connections are refused. */
export async function refusedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>(resolve => {
		server.close(() => {
			resolve();
		});
	});
	return port;
}

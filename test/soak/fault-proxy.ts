import net from 'node:net';

/** What the proxy does once the client has sent `atByte` bytes (0: before the first byte goes on). */
export type ProxyAction = {atByte: number} & ({kind: 'hook'; run: () => void} | {kind: 'drop'} | {kind: 'silence'});

export type FaultProxy = {
	port: number;
	/** The action for the next connections; undefined passes everything through. */
	arm(action: ProxyAction | undefined): void;
	/** What the printer answered on the newest connection (its status replies). */
	lastReplies(): Uint8Array;
	close(): Promise<void>;
};

/**
 * A TCP relay on 127.0.0.1 in front of the printer emulator that injects a fault at an exact point of
 * a job: before the status query, or after so many bytes of the slip. It can run a hook there (switch
 * the emulator's fault), drop both connections with a reset, or go silent in both directions.
 */
export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
	let armed: ProxyAction | undefined;
	let replies: Uint8Array[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer({allowHalfOpen: true}, client => {
		const action = armed;
		const upstream = net.connect({host: '127.0.0.1', port: targetPort, allowHalfOpen: true});
		sockets.add(client);
		sockets.add(upstream);
		const connectionReplies: Uint8Array[] = [];
		replies = connectionReplies;
		let sent = 0;
		let fired = false;
		let silent = false;

		client.on('data', (chunk: Uint8Array) => {
			if (silent) {
				return;
			}

			if (!action || fired || sent + chunk.length < action.atByte) {
				upstream.write(chunk);
				sent += chunk.length;
				return;
			}

			const head = chunk.subarray(0, action.atByte - sent);
			if (head.length > 0) {
				upstream.write(head);
			}

			sent += head.length;
			fired = true;
			switch (action.kind) {
				case 'drop': {
					client.resetAndDestroy();
					upstream.resetAndDestroy();
					return;
				}

				case 'silence': {
					silent = true;
					return;
				}

				case 'hook': {
					action.run();
					break;
				}
			}

			const rest = chunk.subarray(head.length);
			if (rest.length > 0) {
				upstream.write(rest);
				sent += rest.length;
			}
		});
		upstream.on('data', (chunk: Uint8Array) => {
			if (!silent) {
				connectionReplies.push(chunk);
				client.write(chunk);
			}
		});
		let clientEnded = false;
		client.on('end', () => {
			clientEnded = !silent;
			if (!silent) {
				upstream.end();
			}
		});
		upstream.on('end', () => {
			if (!silent) {
				client.end();
			}
		});
		client.on('error', () => undefined);
		upstream.on('error', (error: NodeJS.ErrnoException) => {
			// The printer reset the connection: pass the reset on.
			if (error.code === 'ECONNRESET' && !client.destroyed) {
				client.resetAndDestroy();
			}
		});
		client.on('close', () => {
			sockets.delete(client);
			// A client that ended properly leaves the printer to finish and close; any other end is a dead link.
			if (!clientEnded && !upstream.destroyed) {
				upstream.resetAndDestroy();
			}
		});
		upstream.on('close', () => {
			sockets.delete(upstream);
			if (!silent) {
				client.destroy();
			}
		});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		port: (server.address() as net.AddressInfo).port,
		arm(action) {
			armed = action;
		},
		lastReplies: () => Buffer.concat(replies),
		async close() {
			const closed = new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
			for (const socket of sockets) {
				socket.destroy();
			}

			await closed;
		},
	};
}

import http from 'node:http';
import test, {type ExecutionContext} from 'ava';
import {exchange} from '../../source/payments/http-client.js';

async function server(t: ExecutionContext, handler: http.RequestListener) {
	const created = http.createServer(handler);
	await new Promise<void>(resolve => {
		created.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(() => {
		created.closeAllConnections();
		created.close();
	});
	return new URL(`http://127.0.0.1:${(created.address() as {port: number}).port}/`);
}

const limits = {connectTimeoutMs: 1000, totalTimeoutMs: 1000, maxBodyBytes: 1024};

test('an answer larger than the bound is unknown (too-large), not read whole', async t => {
	const url = await server(t, (_request, response) => {
		response.end('x'.repeat(10_000));
	});
	t.like(await exchange({method: 'GET', url, headers: {}, body: ''}, limits), {ok: false, why: 'too-large'});
});

test('a whole answer is returned with its status, headers and body', async t => {
	const url = await server(t, (request, response) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => {
			body += chunk;
		});
		request.on('end', () => {
			response.writeHead(201, {'x-echo': 'yes'});
			response.end(body.toUpperCase());
		});
	});
	const result = await exchange({method: 'POST', url, headers: {}, body: 'refund 退款'}, limits);
	t.like(result, {ok: true, answer: {status: 201, body: 'REFUND 退款', headers: {'x-echo': 'yes'}}});
});

test('a server that never answers is unknown (timeout) after the total timeout', async t => {
	const url = await server(t, () => {
		// Never answers.
	});
	t.like(await exchange({method: 'GET', url, headers: {}, body: ''}, {...limits, totalTimeoutMs: 300}), {
		ok: false,
		why: 'timeout',
	});
});

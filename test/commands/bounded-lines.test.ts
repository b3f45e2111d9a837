import {PassThrough} from 'node:stream';
import test from 'ava';
import fc from 'fast-check';
import {boundedLines, type LineRead} from '../../source/commands/bounded-lines.js';
import {startEmulatorProcess} from '../helpers/emulator-process.js';

async function readAll(chunks: Uint8Array[], maxBytes: number): Promise<LineRead[]> {
	const input = new PassThrough();
	const reader = boundedLines(input, maxBytes);
	for (const chunk of chunks) {
		input.write(chunk);
	}

	input.end();
	const reads: LineRead[] = [];
	for (let read = await reader.next(); read.kind !== 'end'; read = await reader.next()) {
		reads.push(read);
	}

	reader.close();
	return reads;
}

/** What the reader should give: each line, or one too-long for a line past the bound. */
function expected(text: string, maxBytes: number): LineRead[] {
	const lines = text.split('\n');
	if (lines.at(-1) === '') {
		lines.pop();
	}

	return lines.map(line =>
		Buffer.byteLength(line) > maxBytes ? {kind: 'too-long'} : {kind: 'line', text: line.replace(/\r$/, '')},
	);
}

test('lines split anywhere into chunks come out whole; a line past the bound is one too-long, and the next line reads', async t => {
	await fc.assert(
		fc.asyncProperty(
			fc.array(fc.oneof(fc.string({maxLength: 40}), fc.constant('x'.repeat(70)), fc.constant('密码\r')), {
				maxLength: 12,
			}),
			fc.array(fc.nat(200), {maxLength: 6}),
			async (lines, cuts) => {
				const text = lines.map(line => `${line}\n`).join('');
				const bytes = Buffer.from(text);
				const points = [...new Set(cuts.map(cut => cut % (bytes.length + 1)))].toSorted((a, b) => a - b);
				const chunks = [0, ...points, bytes.length]
					.slice(0, -1)
					.map((start, index, starts) => bytes.subarray(start, starts[index + 1] ?? bytes.length));
				t.deepEqual(await readAll(chunks, 64), expected(text, 64));
			},
		),
		{numRuns: 200},
	);
});

test('a last line without a newline is read at the end; a too-long one is not', async t => {
	t.deepEqual(await readAll([Buffer.from('a\nlast')], 8), [
		{kind: 'line', text: 'a'},
		{kind: 'line', text: 'last'},
	]);
	t.deepEqual(await readAll([Buffer.from('a\n'), Buffer.alloc(100, 'z')], 8), [
		{kind: 'line', text: 'a'},
		{kind: 'too-long'},
	]);
});

test('the printer emulator refuses a fault line past its bound and still takes the next one', async t => {
	const printer = await startEmulatorProcess();
	t.teardown(printer.stop);
	printer.child.stdin.write(Buffer.alloc(4 * 1024 * 1024, 'p'));
	await printer.waitFor(/that line is longer than 256 bytes/);
	await printer.setFault('\npaper-out');
	t.regex(printer.output(), /fault: paper-out/);
});

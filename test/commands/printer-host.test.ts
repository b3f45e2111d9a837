import test from 'ava';
import {CommandError} from '../../source/commands/command-errors.js';
import {parsePrinterAddress} from '../../source/commands/command-context.js';
import {ConfigError, parseConfig} from '../../source/config.js';

const hostile = ['evil\u001B]52;c;cG9zdm9pZA==\u0007', 'printer\u202Eexe', 'a\u200Bb', 'two words', 'tab\there'];

test('--printer refuses a host with control, bidi, zero-width or space characters before it is used or stored', t => {
	for (const host of hostile) {
		t.throws(() => parsePrinterAddress(`${host}:9100`), {instanceOf: CommandError}, JSON.stringify(host));
	}

	t.deepEqual(parsePrinterAddress('192.168.1.50:9100'), {host: '192.168.1.50', port: 9100});
	t.deepEqual(parsePrinterAddress('[::1]:9101'), {host: '::1', port: 9101});
	t.deepEqual(parsePrinterAddress('打印机.local'), {host: '打印机.local', port: undefined});
});

test('printer.host in the configuration is refused the same way, naming the key', t => {
	for (const host of hostile) {
		const error = t.throws(() => parseConfig({printer: {host}}), {instanceOf: ConfigError});
		t.regex(error.message, /printer\.host/);
	}
});

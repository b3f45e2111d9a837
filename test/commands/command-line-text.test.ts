import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {openStore} from '../../source/store/store.js';
import {runCli} from '../helpers/cli.js';
import {startPty} from '../helpers/pty-terminal.js';
import {tempDirectory} from '../helpers/fixture.js';
import {counterDatabase} from '../helpers/counter-database.js';

async function counter(amounts: number[]) {
	return counterDatabase(amounts, 700);
}

const noPrinter = ['--printer', '127.0.0.1:1'];

test('seed --rows -5 names the flag and what it takes, not the parser text', async t => {
	const result = await runCli(['seed', '--rows', '-5', '--db', path.join(tempDirectory(), 'seed.db')]);
	t.is(result.code, 1);
	t.is(result.stderr.trim(), 'posvoid: --rows takes a whole number of 0 or more, such as --rows 2000');
});

test('an unknown flag is named in one line, and no error repeats the posvoid prefix', async t => {
	const unknown = await runCli(['seed', '--rowz', '5']);
	t.is(unknown.code, 1);
	t.regex(unknown.stderr, /^posvoid: there is no flag --rowz: see `posvoid COMMAND --help`\n$/);
	for (const args of [
		['void'],
		['void', '000001'],
		['settle'],
		['import'],
		['export'],
		['reprint'],
		['operator', 'add'],
	]) {
		const result = await runCli(args);
		t.is(result.code, 1, args.join(' '));
		t.regex(result.stderr, /^posvoid: \S/, args.join(' '));
		t.notRegex(result.stderr, /posvoid: posvoid/, args.join(' '));
	}
});

test('import of a folder says it is a folder and what to pass', async t => {
	const {directory, db} = await counter([]);
	const result = await runCli(['import', directory, '--db', db]);
	t.is(result.code, 1);
	t.regex(result.stderr, /is a folder, not a file: pass the CSV or JSON Lines file inside it/);
	t.notRegex(result.stderr, /EISDIR/);
});

test('printer errors exit 1 with one line and advice, like every other command', async t => {
	const result = await runCli(['printer', '--port', 'abc']);
	t.is(result.code, 1);
	t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
	t.regex(result.stderr, /^posvoid printer: --port abc is not a TCP port: use 0-65535/);
	const flag = await runCli(['printer', '--colour']);
	t.is(flag.code, 1);
	t.regex(flag.stderr, /--colour.*See `posvoid printer --help`\n$/);
	t.notRegex(flag.stderr, /Faults:/);
});

test('init --config NEW creates the configuration there, its folder included, and uses it', async t => {
	const directory = tempDirectory();
	const config = path.join(directory, 'counter', 'etc', 'config.json');
	const db = path.join(directory, 'counter.db');
	const result = await runCli(['init', '--config', config, '--db', db, '--password-stdin'], {input: 'boss-pass\n'});
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /wrote .*config\.json from data\/config\.example\.json/);
	t.is(fs.statSync(config).mode.toString(8).slice(-3), '600');
	t.like(JSON.parse(fs.readFileSync(config, 'utf8')) as Record<string, unknown>, {terminalId: '10293847'});
	const list = await runCli(['operator', 'list', '--config', config, '--db', db]);
	t.is(list.code, 0, list.stderr);
});

test('void without --reason and without a terminal is refused, names --reason, and voids nothing', async t => {
	const {db, vouchers} = await counter([1500]);
	const args = ['void', vouchers[0]!, '--operator', '01', '--db', db, '--no-print', '--password-stdin'];
	const without = await runCli(args, {input: 'clerk-pass\n'});
	t.is(without.code, 1);
	t.regex(without.stderr, /void needs --reason TEXT when there is no terminal to ask on/);
	const store = openStore(db);
	t.teardown(() => {
		store.close();
	});
	t.is(store.db.prepare('SELECT count(*) FROM voids').pluck().get(), 0);
	const withReason = await runCli([...args, '--reason', 'Wrong amount'], {input: 'clerk-pass\n'});
	t.is(withReason.code, 3, withReason.stderr);
	t.is(store.db.prepare('SELECT reason FROM voids').pluck().get(), 'Wrong amount');
});

test('a refusal in Chinese is framed in Chinese and its advice names a command, not a console key', async t => {
	const {db, vouchers} = await counter([1500]);
	const args = [
		'void',
		vouchers[0]!,
		'--operator',
		'01',
		'--reason',
		'x',
		'--db',
		db,
		'--no-print',
		'--password-stdin',
	];
	await runCli(args, {input: 'clerk-pass\n'});
	const again = await runCli([...args, '--lang', 'zh-CN'], {input: 'clerk-pass\n'});
	t.is(again.code, 2);
	t.regex(again.stderr, /^拒绝撤销.*该交易已撤销.*posvoid reprint/);
	t.notRegex(again.stderr, /refused|\(p\)/);
	const english = await runCli([...args, '--lang', 'en'], {input: 'clerk-pass\n'});
	t.regex(english.stderr, /refused \(already-voided\): already voided\. .*posvoid reprint VOUCHER/);
});

test('report follows --lang: the shift summary in Chinese, then in English', async t => {
	const {db} = await counter([1500, 2500]);
	const chinese = await runCli(['report', '--db', db, '--lang', 'zh-CN', ...noPrinter]);
	t.is(chinese.code, 0, chinese.stderr);
	t.regex(chinese.stdout, /班次汇总/);
	t.regex(chinese.stdout, /渠道/);
	t.notRegex(chinese.stdout, /shift summary|channel|total/i);
	const english = await runCli(['report', '--db', db, '--lang', 'en']);
	t.regex(english.stdout, /shift summary \(X report\)/);
	t.regex(english.stdout, /Total\s+2\s+¥40\.00/);
});

test('void without --reason on a terminal offers the configured reasons by number and stores the one picked', async t => {
	const {directory, db, vouchers} = await counter([1500]);
	const terminal = startPty(['void', vouchers[0]!, '--operator', '01', '--db', db, '--no-print', '--lang', 'en'], {
		cwd: directory,
	});
	t.teardown(() => {
		terminal.kill();
	});
	await terminal.waitFor('Password');
	terminal.write('clerk-pass\r');
	const menu = await terminal.waitFor('Reason number (1-');
	t.regex(menu, /1 {2}顾客取消 Customer cancelled/);
	t.regex(menu, /2 {2}金额错误 Wrong amount/);
	terminal.write('2\r');
	const {exitCode} = await terminal.exited;
	t.is(exitCode, 3);
	const store = openStore(db);
	t.teardown(() => {
		store.close();
	});
	t.is(store.db.prepare('SELECT reason FROM voids').pluck().get(), '金额错误 Wrong amount');
});

test('print-queue and reprint answer in the chosen language', async t => {
	const {db, vouchers} = await counter([1500]);
	await runCli(
		['void', vouchers[0]!, '--operator', '01', '--reason', 'x', '--db', db, '--no-print', '--password-stdin'],
		{
			input: 'clerk-pass\n',
		},
	);
	const queue = await runCli(['print-queue', '--db', db, '--lang', 'zh-CN', ...noPrinter]);
	t.is(queue.code, 3, queue.stderr);
	t.regex(queue.stdout, /^任务 1 +待打印/m);
	t.regex(queue.stdout, /1 张小票等待打印:posvoid print-queue --retry/);
	t.notRegex(queue.stdout, /waiting|pending/);
	const reprint = await runCli([
		'reprint',
		'000999',
		'--operator',
		'01',
		'--db',
		db,
		'--lang',
		'zh-CN',
		'--password-stdin',
	]);
	t.is(reprint.code, 1);
	t.regex(reprint.stderr, /^posvoid: 没有凭证号 000999 的撤销/);
});

test('operator answers in the chosen language', async t => {
	const {db} = await counter([]);
	const list = await runCli(['operator', 'list', '--db', db, '--lang', 'zh-CN']);
	t.is(list.code, 0, list.stderr);
	t.regex(list.stdout, /^00 +主管/m);
	t.regex(list.stdout, /^01 +收银员 +Li/m);
	const noName = await runCli(['operator', 'add', '02', '--db', db, '--lang', 'zh-CN']);
	t.is(noName.code, 1);
	t.is(noName.stderr, 'posvoid: operator add 需要 --name 姓名\n');
});

test('export answers in the chosen language', async t => {
	const result = await runCli(['export', '--lang', 'zh-CN']);
	t.is(result.code, 1);
	t.is(result.stderr, 'posvoid: export 需要 --batch 批次号,例如 --batch 7\n');
});

test('import reports its lines in the chosen language', async t => {
	const {directory, db} = await counter([]);
	const file = path.join(directory, 'sales.csv');
	const header =
		'voucher_no,reference_no,auth_code,batch_no,terminal_id,merchant_id,channel,card,amount,currency,created_at,operator_no';
	fs.writeFileSync(
		file,
		`${header}\n000101,261124000101,339563,000001,10293847,898440358120011,wechat,oXyZ8f3k,abc,CNY,2026-11-25T09:12:05+08:00,01\n`,
	);
	const result = await runCli(['import', file, '--db', db, '--lang', 'zh-CN']);
	t.is(result.code, 1);
	t.regex(result.stderr, /^第 2 行:/m);
	t.regex(result.stderr, /未从 .*sales\.csv 导入任何数据/);
	t.notRegex(result.stderr, /nothing imported|^line /m);
});

test('audit answers in the chosen language; a --lang posvoid does not speak is refused in both', async t => {
	const {db} = await counter([12_850]);
	const verified = await runCli(['audit', '--verify', '--db', db, '--lang', 'zh-CN']);
	t.is(verified.code, 0, verified.stderr);
	t.regex(verified.stdout, /^审计链完整:已校验 \d+ 行;链头 \d+:[\da-f]+$/m);
	t.regex(verified.stdout, /^资金表与审计日志一致:已核对 0 笔撤销、0 次结算$/m);
	const badLimit = await runCli(['audit', '--limit', '0', '--db', db, '--lang', 'zh-CN']);
	t.is(badLimit.stderr, 'posvoid: --limit 需要 1 到 100000 之间的整数\n');

	const language = await runCli(['audit', '--db', db, '--lang', 'fr']);
	t.is(language.code, 1);
	t.regex(language.stderr, /use zh-CN or en/);
	t.regex(language.stderr, /请用 zh-CN 或 en/);
});

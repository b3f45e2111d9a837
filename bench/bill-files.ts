import fs from 'node:fs';
import {once} from 'node:events';
import iconv from 'iconv-lite';

/**
 * Large bills for the import benchmark, written as they stream (memory stays flat for 1M rows): a WeChat
 * Pay trade bill (UTF-8, backticks, summary row) and a card acquirer export (GBK). Rows are invented, in
 * the layouts source/bills/ reads; times run through one day, 2026-11-25, from 08:00 local time.
 */
const wechatHeader =
	'交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';

const acquirerHeader =
	'商户号,门店名,终端号,交易时间,交易类型,交易批次号,凭证号,参考号,卡号,卡类别,交易金额,手续费,结算金额,原凭证号,原参考号';

/** Local `2026-11-25 hh:mm:ss` of row `index`, spread evenly over the day after 08:00. */
function localTime(index: number, rows: number): string {
	const second = 8 * 3600 + Math.floor((index * (16 * 3600 - 1)) / Math.max(1, rows));
	const pad = (value: number) => String(value).padStart(2, '0');
	return `2026-11-25 ${pad(Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
}

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

async function writeLines(file: string, lines: Iterable<string>, encode: (text: string) => Uint8Array | string) {
	const out = fs.createWriteStream(file);
	let batch = '';
	for (const line of lines) {
		batch += line + '\r\n';
		if (batch.length > 64 * 1024) {
			const flowing = out.write(encode(batch));
			batch = '';
			if (!flowing) {
				await once(out, 'drain');
			}
		}
	}

	out.end(encode(batch));
	await once(out, 'finish');
}

/** Writes an N-row WeChat Pay trade bill (type ALL, all sales) with its matching summary to `file`. */
export async function writeWechatBill(file: string, rows: number): Promise<void> {
	let settled = 0;
	let fees = 0;
	function* lines() {
		yield wechatHeader;
		for (let index = 0; index < rows; index++) {
			const amount = 100 + ((index * 7919) % 99_900);
			const fee = Math.round(amount * 0.006);
			settled += amount;
			fees += fee;
			const order = `4200002526202611${String(index).padStart(12, '0')}`;
			yield [
				localTime(index, rows),
				'wx2421b1c4370ec43b',
				'1900000109',
				'1900000201',
				'POS-01',
				order,
				`M${String(index).padStart(12, '0')}`,
				'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
				'MICROPAY',
				'SUCCESS',
				'OTHERS',
				'CNY',
				yuan(amount),
				'0.00',
				'0',
				'0',
				'0.00',
				'0.00',
				'',
				'',
				'收银台',
				'',
				yuan(fee),
				'0.60%',
				yuan(amount),
				'0.00',
				'',
			]
				.map(field => `\`${field}`)
				.join(',');
		}

		yield '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';
		yield [String(rows), yuan(settled), '0.00', '0.00', yuan(fees), yuan(settled), '0.00']
			.map(field => `\`${field}`)
			.join(',');
	}

	await writeLines(file, lines(), text => text);
}

/**
 * Writes an N-row card acquirer export in GBK to `file`: all 消费, masked card numbers, a merchant's
 * terminals of 1000 sales each (one batch per terminal, as a day's export of a chain of stores), none of
 * them this counter's own terminal 10293847.
 */
export async function writeAcquirerExport(file: string, rows: number): Promise<void> {
	function* lines() {
		yield '交易明细查询结果';
		yield acquirerHeader;
		for (let index = 0; index < rows; index++) {
			const amount = 100 + ((index * 7919) % 99_900);
			const fee = Math.round(amount * 0.005);
			const voucher = String((index % 1000) + 1).padStart(6, '0');
			yield [
				'898440358120011',
				'人民路店',
				`2${String(Math.floor(index / 1000)).padStart(7, '0')}`,
				localTime(index, rows),
				'消费',
				'000001',
				voucher,
				`1125${String(index).padStart(8, '0')}`,
				`622202******${String(index % 10_000).padStart(4, '0')}`,
				index % 3 === 0 ? '贷记卡' : '借记卡',
				yuan(amount),
				yuan(fee),
				yuan(amount - fee),
				'',
				'',
			].join(',');
		}
	}

	await writeLines(file, lines(), text => iconv.encode(text, 'gbk'));
}

import fs from 'node:fs';
import {todayCriteria} from '../../domain/search-query.js';
import {addOperator} from '../operator-service.js';
import type {ServiceContext} from '../service-context.js';
import {seedDatabase} from '../seed-service.js';
import {pageTransactions} from '../transaction-list-service.js';

/** The demo's two accounts, shown on its sign-in screen. */
export const demoOperators = [
	{operatorNo: '00', name: 'Demo supervisor', role: 'supervisor', password: '000000'},
	{operatorNo: '01', name: 'Demo cashier', role: 'cashier', password: '111111'},
] as const;

export const defaultDemoDatabase = 'data/demo.db';

export function hasSales(context: ServiceContext): boolean {
	return pageTransactions(context, {}, undefined, 'older', 1).length > 0;
}

export function hasSalesToday(context: ServiceContext): boolean {
	const {criteria} = todayCriteria(context.now(), context.config.timeZone);
	return pageTransactions(context, criteria, undefined, 'older', 1).length > 0;
}

/** Removes a demo database with its WAL and shared-memory files, so the next open starts it again. */
export function removeDemoDatabase(file: string): void {
	for (const suffix of ['', '-wal', '-shm']) {
		fs.rmSync(file + suffix, {force: true});
	}
}

/** Seeds a new demo database: a week of history ending now, and the two demo operators. */
export async function prepareDemo(context: ServiceContext, rows: number): Promise<void> {
	seedDatabase(context, {rows, days: 7, seed: 1, now: context.now()});
	for (const operator of demoOperators) {
		await addOperator(context, {...operator});
	}
}

/** A WeChat Pay or Alipay sale of the open batch, as the demo's platform simulator must know it to refund it. */
export type DemoQrSale = {
	platform: 'wechat' | 'alipay';
	platformOrderNo: string;
	merchantOrderNo: string;
	total: number;
};

/** Every completed WeChat Pay and Alipay sale with its order numbers since the start of today: what the demo can void online. */
export function demoQrSales(context: ServiceContext): DemoQrSale[] {
	const {criteria} = todayCriteria(context.now(), context.config.timeZone);
	const sales: DemoQrSale[] = [];
	let cursor: {createdAt: number; id: number} | undefined;
	for (;;) {
		const page = pageTransactions(context, criteria, cursor, 'older', 500);
		for (const sale of page) {
			if (
				(sale.channel === 'wechat' || sale.channel === 'alipay') &&
				sale.platformOrderNo !== undefined &&
				sale.merchantOrderNo !== undefined
			) {
				sales.push({
					platform: sale.channel,
					platformOrderNo: sale.platformOrderNo,
					merchantOrderNo: sale.merchantOrderNo,
					total: sale.amount,
				});
			}
		}

		const last = page.at(-1);
		if (!last || page.length < 500) {
			return sales;
		}

		cursor = {createdAt: last.createdAt, id: last.id};
	}
}

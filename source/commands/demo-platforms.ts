// The demo's payment platforms: the WeChat Pay and Alipay simulators on a free loopback port, started
// in-process like the printer emulator, with the demo keys made on first start in data/keys (owner-only),
// every voidable demo QR sale seeded into them, and the demo's configuration sending those channels'
// voids online to them, unless the configuration already sets a channel's mode or link.
import type {Config} from '../config.js';
import {demoLinks, ensureDemoKeys, simulatorKeysFrom} from '../payments/simulator/demo-keys.js';
import {startPlatformSimulator, type PlatformSimulator} from '../payments/simulator/platform-simulator.js';
import type {SimulatorFault} from '../payments/simulator/simulator-faults.js';
import {demoQrSales} from '../services/demo/demo-database.js';
import type {ServiceContext} from '../services/service-context.js';

export const demoKeysFolder = 'data/keys';

/** Which channels the demo sends online: those the configuration leaves record-only with no link of its own. */
function channelsToTake(config: Config): Array<'wechat' | 'alipay'> {
	return (['wechat', 'alipay'] as const).filter(
		channel => config.payments.modes[channel] === 'record-only' && config.payments[channel] === undefined,
	);
}

export async function startDemoPlatforms(
	context: ServiceContext,
	fault?: SimulatorFault,
): Promise<PlatformSimulator | undefined> {
	const taken = channelsToTake(context.config);
	if (taken.length === 0) {
		return undefined;
	}

	const files = ensureDemoKeys(demoKeysFolder);
	const simulator = await startPlatformSimulator({keys: simulatorKeysFrom(files), now: context.now});
	if (fault !== undefined) {
		simulator.setFault({fault});
	}

	for (const sale of demoQrSales(context)) {
		simulator.seed(sale);
	}

	const links = demoLinks(files, simulator.url);
	const {payments} = context.config;
	context.config.payments = {
		...payments,
		modes: {...payments.modes, ...Object.fromEntries(taken.map(channel => [channel, 'online']))},
		...Object.fromEntries(taken.map(channel => [channel, links[channel]])),
	};
	return simulator;
}

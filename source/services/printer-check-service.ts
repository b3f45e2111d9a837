import type {Config} from '../config.js';
import {askPrinterIdentity, type PrinterIdentity} from '../printing/printer-identity.js';
import type {PrinterFailure} from '../printing/printer-failure.js';
import {printBytes, queryPrinterStatus, type PrinterAddress} from '../printing/printer-transport.js';
import {suggestProfile} from '../printing/profile-answers.js';
import {renderSlipEscPos} from '../printing/render-escpos.js';
import {testPageModel} from '../printing/test-page.js';
import {printerChecksFor} from './print-service.js';

export type {PrinterIdentity} from '../printing/printer-identity.js';

/**
 * What `posvoid printer test` found: whether the printer answered DLE EOT (asked whatever the
 * configuration says, to tell whether a status check can be used), and what became of the page with
 * the configured checks: confirmed, sent unconfirmed, or failed.
 */
export type PrinterTestReport = {
	profile: string;
	statusAnswered: boolean;
	page: {kind: 'confirmed'} | {kind: 'unconfirmed'} | {kind: 'failed'; failure: PrinterFailure};
	unencodable: string[];
};

function addressOf(config: Config): PrinterAddress {
	const {host, port, connectTimeoutMs, writeTimeoutMs} = config.printer;
	return {host, port, connectTimeoutMs, writeTimeoutMs};
}

/** The configured printer's profile, by name and as a person knows it. */
export function profileLabel(config: Config): string {
	const {name, description} = config.printer.model;
	return `${name} (${description})`;
}

export async function testPrinter(
	config: Config,
): Promise<{ok: true; report: PrinterTestReport} | {ok: false; failure: PrinterFailure}> {
	const address = addressOf(config);
	const status = await queryPrinterStatus(address, {
		status: {kind: 'dle-eot', answers: [1, 2, 4]},
		confirmation: 'none',
	});
	if (!status.ready && status.failure?.kind === 'unreachable') {
		return {ok: false, failure: status.failure};
	}

	const statusAnswered = status.ready || (status.failure !== undefined && status.failure.kind !== 'timeout');
	const profile = profileLabel(config);
	const {bytes, unencodable} = renderSlipEscPos(testPageModel(profile), config.printer.model);
	const outcome = await printBytes(bytes, address, printerChecksFor(config));
	const page: PrinterTestReport['page'] = outcome.ok
		? {kind: outcome.confirmed ? 'confirmed' : 'unconfirmed'}
		: {kind: 'failed', failure: outcome.failure};
	return {ok: true, report: {profile, statusAnswered, page, unencodable}};
}

/** GS I's answers and the built-in profile they suggest; `suggestion` is undefined when GS I answers nothing. */
export async function identifyPrinter(
	config: Config,
): Promise<{ok: true; identity: PrinterIdentity; suggestion?: string} | {ok: false; failure: PrinterFailure}> {
	const asked = await askPrinterIdentity(addressOf(config));
	if (!asked.ok) {
		return asked;
	}

	const {identity} = asked;
	if (identity.maker === undefined && identity.model === undefined) {
		return {ok: true, identity};
	}

	return {
		ok: true,
		identity,
		suggestion: suggestProfile({maker: identity.maker ?? '', model: identity.model ?? '', fonts: identity.fonts}),
	};
}

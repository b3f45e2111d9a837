/**
 * Voids that reach the money (issue 14): the durable state machine over `void_requests`
 * (store/schema-v6-void-requests.ts). The API the console and the commands use:
 *
 * - `voidMode(context, channel)`: 'record-only' | 'online' | 'terminal-assisted', from `payments.modes`.
 * - `startOnlineVoid(context, request)`: writes the void `requested` with its idempotency key (the sale is
 *   blocked from then on), and returns at once `{ok: true, request, answer}` or a refusal. `answer` is a
 *   promise of the state written when the platform answers (bounded by the payments timeouts): approved
 *   (sale voided, void row, print job), declined (the sale stays completed) or in doubt. The request is
 *   sent outside any transaction; nothing needs to await it (Esc may leave it running).
 * - `voidStateOfSale(context, transactionId)`: the sale's open void request, else its newest, or undefined.
 * - `inDoubtCount(context)`: voids requested or in doubt, for the status bar.
 * - `resolveInDoubt(context, {dueOnly})`: one resolution pass: asks the platform about each void in doubt
 *   (re-sending with the same key only where the adapter says that is safe) and writes the answers.
 * - `startBackgroundResolution(context)`: resolution passes with backoff until `stop()`.
 * - `settleByHand(context, {requestId, supervisor, approved, reason})`: a supervisor's decision, audited.
 * - `terminalVoid(context, request, answer)`: a card void made at the bank terminal, recorded with the
 *   terminal's voucher and reference in one transaction.
 *
 * Payments code is loaded with `import()` on the first online void only, so start-up never loads it.
 */
import {freeText} from '../domain/display-text.js';
import type {Channel, Transaction} from '../domain/transaction.js';
import type {
	PaymentAdapter,
	PaymentExchange,
	PaymentSale,
	TerminalAnswer,
	VoidOutcome as PlatformOutcome,
} from '../payments/payment-adapter.js';
import type {VoidRequestListing, VoidRequestState} from '../store/void-requests-store.js';
import {DatabaseBusyError} from '../store/store-errors.js';
import type {Authenticated} from './auth-service.js';
import type {ServiceContext} from './service-context.js';
import {admitVoid, writeVoid, type VoidOutcome, type VoidRequest} from './void-service.js';

export type VoidMode = 'record-only' | 'online' | 'terminal-assisted';
export type OnlinePlatform = 'alipay' | 'wechat';

export function voidMode(context: ServiceContext, channel: Channel): VoidMode {
	return context.config.payments.modes[channel];
}

/** The state a void request reached, with the request as it now stands and the void when it was approved. */
export type OnlineVoidResult = {
	state: VoidRequestState;
	request: VoidRequestListing;
	/** For an approved void: its print job. */
	printJobId?: number;
	/** For a void in doubt: why no answer is known (an UnknownReason of payments/payment-adapter.ts). */
	why?: string;
};

export type StartedVoid =
	{ok: true; request: VoidRequestListing; answer: Promise<OnlineVoidResult>} | Extract<VoidOutcome, {ok: false}>;

/** The longest wait between two background questions to the platform about one void. */
const maxBackoffMs = 5 * 60_000;
const firstBackoffMs = 2000;

function backoff(attempts: number): number {
	return Math.min(maxBackoffMs, firstBackoffMs * 2 ** Math.min(Math.max(attempts - 1, 0), 16));
}

/** Stable for the life of the void, made from the terminal, the batch and the void's voucher: never made anew. */
export function idempotencyKey(terminalId: string, batchNo: string, voucherNo: string): string {
	return `V${terminalId}${batchNo}${voucherNo}`;
}

const adapters = new WeakMap<ServiceContext, Map<Channel, PaymentAdapter>>();

/** Each request and answer of the adapter as an audit row of its own, written as it happens. */
function auditExchange(context: ServiceContext, exchange: PaymentExchange): void {
	const detail =
		exchange.direction === 'request'
			? `request ${exchange.platform} ${exchange.operation} key ${exchange.idempotencyKey} ${exchange.method} ${exchange.url}`
			: `answer ${exchange.platform} ${exchange.operation} key ${exchange.idempotencyKey} status ${exchange.status ?? 'none'} ${exchange.outcome} in ${exchange.durationMs} ms: ${exchange.detail}`;
	try {
		context.store.immediate(() => {
			context.store.audit.append(
				{
					event: 'payment-exchange',
					result: exchange.direction === 'answer' && exchange.outcome === 'unknown' ? 'failed' : 'ok',
					record: `void-key:${exchange.idempotencyKey}`,
					detail: detail.slice(0, 500),
				},
				context.now(),
			);
		});
	} catch (error) {
		// The state transitions carry their own audit rows; a busy database must not turn an answer into a doubt.
		if (!(error instanceof DatabaseBusyError)) {
			throw error;
		}
	}
}

async function adapterFor(context: ServiceContext, channel: Channel): Promise<PaymentAdapter> {
	let byChannel = adapters.get(context);
	if (!byChannel) {
		byChannel = new Map();
		adapters.set(context, byChannel);
	}

	const known = byChannel.get(channel);
	if (known) {
		return known;
	}

	const {openPaymentAdapter} = await import('../payments/open-adapter.js');
	const adapter = openPaymentAdapter(channel, context.config.payments, {
		onExchange(exchange) {
			auditExchange(context, exchange);
		},
	});
	byChannel.set(channel, adapter);
	return adapter;
}

function paymentSale(transaction: Transaction): PaymentSale {
	return {
		channel: transaction.channel,
		voucherNo: transaction.voucherNo,
		referenceNo: transaction.referenceNo,
		terminalId: transaction.terminalId,
		batchNo: transaction.batchNo,
		total: transaction.amount,
		currency: transaction.currency,
		createdAt: transaction.createdAt,
		...(transaction.platformOrderNo === undefined ? {} : {platformOrderNo: transaction.platformOrderNo}),
		...(transaction.merchantOrderNo === undefined ? {} : {merchantOrderNo: transaction.merchantOrderNo}),
	};
}

/**
 * Loads the adapter, then writes the void `requested` in one immediate transaction, and sends it
 * outside any. A channel that is not online is refused here: the caller picks the path by `voidMode`.
 */
export async function startOnlineVoid(context: ServiceContext, request: VoidRequest): Promise<StartedVoid> {
	const sale = context.store.transactions.get(request.transactionId);
	if (
		!sale ||
		(sale.channel !== 'alipay' && sale.channel !== 'wechat') ||
		voidMode(context, sale.channel) !== 'online'
	) {
		throw new Error(`transaction ${request.transactionId} is not a sale of an online channel`);
	}

	const platform: OnlinePlatform = sale.channel;
	const adapter = await adapterFor(context, platform);
	let begun;
	try {
		begun = context.store.immediate(() => {
			const admitted = admitVoid(context, request);
			if (!admitted.ok) {
				return admitted;
			}

			const {transaction, batch, voucherNo, referenceNo, reason, now} = admitted;
			const operation = adapter.plan(paymentSale(transaction), now);
			if (operation !== 'refund' && operation !== 'cancel') {
				throw new Error(`the ${platform} adapter planned ${operation} for an online void`);
			}

			const key = idempotencyKey(context.config.terminalId, batch.batchNo, voucherNo);
			const id = context.store.voidRequests.insert({
				transactionId: transaction.id,
				terminalId: context.config.terminalId,
				batchId: batch.id,
				voucherNo,
				referenceNo,
				idempotencyKey: key,
				platform,
				operation,
				amount: transaction.amount,
				operatorNo: request.operator.operatorNo,
				approverNo: request.approver?.operatorNo,
				reason,
				requestedAt: now,
			});
			context.store.audit.append(
				{
					operatorNo: request.operator.operatorNo,
					event: 'void-request',
					result: 'ok',
					record: `transaction:${transaction.id}`,
					detail: `request ${id} ${platform} ${operation} key ${key} void ${voucherNo} amount ${transaction.amount}`,
				},
				now,
			);
			return {ok: true as const, request: context.store.voidRequests.get(id)!};
		});
	} catch (error) {
		if (error instanceof DatabaseBusyError) {
			return {ok: false, reason: 'busy', detail: error.message};
		}

		throw error;
	}

	if (!begun.ok) {
		return begun;
	}

	const {request: written} = begun;
	const answer = (async () => {
		const outcome = await adapter.requestVoid(paymentSale(sale), {
			idempotencyKey: written.idempotencyKey,
			amount: written.amount,
			reason: written.reason,
			operation: written.operation,
			now: context.now(),
		});
		return recordAnswer(context, written.id, outcome);
	})();
	return {ok: true, request: written, answer};
}

/**
 * The second transaction: the platform's answer written to the request, if it is still open (another
 * process may have answered it first, and then its answer stands). Approved writes the void, the
 * sale's status and the print job with it.
 */
export function recordAnswer(
	context: ServiceContext,
	requestId: number,
	outcome: PlatformOutcome,
	byHand?: {supervisor: Authenticated; reason: string},
): OnlineVoidResult {
	const settledBy = byHand?.supervisor;
	const {store} = context;
	return store.immediate((): OnlineVoidResult => {
		const now = context.now();
		const row = store.voidRequests.get(requestId);
		if (!row) {
			throw new Error(`void request ${requestId} is gone`);
		}

		if (row.state === 'approved' || row.state === 'declined') {
			return {state: row.state, request: row};
		}

		store.voidRequests.countAttempt(row.id, now);
		const answerAudit = (result: 'ok' | 'refused' | 'failed', detail: string) => {
			store.audit.append(
				{
					operatorNo: settledBy?.operatorNo,
					event: settledBy ? 'void-settle' : 'void-answer',
					result,
					record: `transaction:${row.transactionId}`,
					detail:
						`request ${row.id} ${row.platform} key ${row.idempotencyKey}: ${detail}${byHand ? `; by hand: ${byHand.reason}` : ''}`.slice(
							0,
							500,
						),
				},
				now,
			);
		};

		switch (outcome.kind) {
			case 'approved': {
				const transaction = store.transactions.get(row.transactionId);
				const batch = store.batches.get(row.batchId);
				if (!transaction || !batch) {
					throw new Error(`void request ${row.id} points at a missing sale or batch`);
				}

				const written = writeVoid(
					context,
					{
						transaction,
						batch,
						voucherNo: row.voucherNo,
						referenceNo: row.referenceNo,
						reason: row.reason,
						now,
					},
					{operatorNo: row.operatorNo, approverNo: row.approverNo, platformRefundNo: outcome.platformRefundNo},
				);
				store.voidRequests.markApproved(row.id, now, {
					voidId: written.void.id,
					platformRefundNo: outcome.platformRefundNo,
					detail: settledBy ? 'settled by hand' : '',
					settledBy: settledBy?.operatorNo,
				});
				answerAudit('ok', `approved ${outcome.platformRefundNo}`);
				return {state: 'approved', request: store.voidRequests.get(row.id)!, printJobId: written.printJobId};
			}

			case 'declined': {
				store.voidRequests.markDeclined(row.id, now, outcome.code, outcome.detail, settledBy?.operatorNo);
				answerAudit('refused', `declined ${outcome.code}: ${outcome.detail}`);
				return {state: 'declined', request: store.voidRequests.get(row.id)!};
			}

			case 'unknown':
			case 'not-found':
			case 'clerk-step': {
				const why = outcome.kind === 'unknown' ? outcome.why : outcome.kind;
				const detail = outcome.kind === 'clerk-step' ? 'the adapter asked for a clerk step' : outcome.detail;
				store.voidRequests.markInDoubt(row.id, now, now + backoff(row.attempts + 1), `${why}: ${detail}`);
				answerAudit('failed', `in doubt (${why}): ${detail}`);
				return {state: 'in-doubt', request: store.voidRequests.get(row.id)!, why};
			}
		}
	});
}

/** Why a void request in doubt is: the UnknownReason its detail starts with. */
export function inDoubtReason(request: Pick<VoidRequestListing, 'detail'>): string {
	return /^(?<why>[a-z-]+):/.exec(request.detail)?.groups?.['why'] ?? 'timeout';
}

/**
 * Asks the platform what became of one open void: a query, and where the platform has nothing under the
 * key and the adapter documents a repeat as safe, the same request again with the same key.
 */
export async function resolveOne(context: ServiceContext, request: VoidRequestListing): Promise<OnlineVoidResult> {
	const adapter = await adapterFor(context, request.platform);
	const sale = context.store.transactions.get(request.transactionId);
	if (!sale) {
		throw new Error(`void request ${request.id} points at a missing sale`);
	}

	const query = {idempotencyKey: request.idempotencyKey, operation: request.operation, now: context.now()};
	let outcome = await adapter.queryVoid(paymentSale(sale), query);
	if (outcome.kind === 'not-found') {
		outcome = adapter.repeatIsSafe(request.operation)
			? await adapter.requestVoid(paymentSale(sale), {
					idempotencyKey: request.idempotencyKey,
					amount: request.amount,
					reason: request.reason,
					operation: request.operation,
					now: context.now(),
				})
			: {kind: 'unknown', why: 'not-sent', detail: 'the platform has nothing under the key: settle it by hand'};
	}

	return recordAnswer(context, request.id, outcome);
}

export type ResolutionPass = {results: OnlineVoidResult[]; stillInDoubt: number};

/**
 * One pass over every open void (requested ones too: a crash between request and answer leaves them
 * so). `dueOnly` asks only about those whose backoff has passed (the background loop).
 */
export async function resolveInDoubt(
	context: ServiceContext,
	options: {dueOnly?: boolean} = {},
): Promise<ResolutionPass> {
	const now = context.now();
	const open = context.store.voidRequests
		.open()
		.filter(request => !options.dueOnly || request.nextCheckAt === undefined || request.nextCheckAt <= now);
	const results: OnlineVoidResult[] = [];
	for (const request of open) {
		// One at a time: a platform asked about many voids at once answers none of them faster.
		results.push(await resolveOne(context, request));
	}

	return {results, stillInDoubt: context.store.voidRequests.openCount()};
}

/** Resolution passes in the background until stopped: at once (start-up), then as backoffs fall due. */
export function startBackgroundResolution(
	context: ServiceContext,
	options: {intervalMs?: number; onPass?: (pass: ResolutionPass) => void} = {},
): {stop: () => void} {
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	const run = async () => {
		if (stopped) {
			return;
		}

		try {
			if (context.store.voidRequests.openCount() > 0) {
				options.onPass?.(await resolveInDoubt(context, {dueOnly: true}));
			}
		} catch {
			// A pass that failed (busy, a key file gone) is tried again at the next tick; the voids stay in doubt.
		}

		if (!stopped) {
			timer = setTimeout(() => {
				void run();
			}, options.intervalMs ?? firstBackoffMs);
			timer.unref();
		}
	};

	void run();
	return {
		stop() {
			stopped = true;
			clearTimeout(timer);
		},
	};
}

export function voidStateOfSale(context: ServiceContext, transactionId: number): VoidRequestListing | undefined {
	const {voidRequests} = context.store;
	return voidRequests.openForSale(transactionId) ?? voidRequests.latestForSale(transactionId);
}

export function inDoubtCount(context: ServiceContext): number {
	return context.store.voidRequests.openCount();
}

export function listVoidRequests(
	context: ServiceContext,
	state: VoidRequestState | '' = '',
	limit = 100,
): VoidRequestListing[] {
	return context.store.voidRequests.recent(state, limit);
}

export function openVoidsInBatch(context: ServiceContext, batchId: number): VoidRequestListing[] {
	return context.store.voidRequests.openInBatch(batchId);
}

export type HandSettlement = {requestId: number; supervisor: Authenticated; approved: boolean; reason: string};

export type HandSettled =
	| {ok: true; result: OnlineVoidResult}
	| {ok: false; problem: 'no-such' | 'not-open' | 'not-supervisor'; state?: VoidRequestState};

/**
 * A supervisor settles a void in doubt by hand after checking the merchant app: approved (the void is
 * written as if the platform had answered, with no platform number) or declined (the sale stays voidable).
 */
export function settleByHand(context: ServiceContext, settlement: HandSettlement): HandSettled {
	if (settlement.supervisor.role !== 'supervisor') {
		return {ok: false, problem: 'not-supervisor'};
	}

	const row = context.store.voidRequests.get(settlement.requestId);
	if (!row) {
		return {ok: false, problem: 'no-such'};
	}

	if (row.state !== 'requested' && row.state !== 'in-doubt') {
		return {ok: false, problem: 'not-open', state: row.state};
	}

	// Free text: a card number typed into it is masked before it is stored.
	const reason = freeText(settlement.reason, 80) || 'no reason given';
	const outcome: PlatformOutcome = settlement.approved
		? {kind: 'approved', platformRefundNo: '', at: context.now()}
		: {kind: 'declined', code: 'SETTLED_BY_HAND', detail: reason};
	return {ok: true, result: recordAnswer(context, row.id, outcome, {supervisor: settlement.supervisor, reason})};
}

export type TerminalVoidOutcome =
	VoidOutcome | {ok: false; reason: 'terminal-answer'; problem: 'voucher' | 'reference' | 'taken'; detail: string};

/** What the clerk is told to do on the bank terminal, for a card sale in terminal-assisted mode. */
export function terminalInstruction(transaction: Transaction): {voucherNo: string; amount: number; terminalId: string} {
	return {voucherNo: transaction.voucherNo, amount: transaction.amount, terminalId: transaction.terminalId};
}

/**
 * A card void made on the bank terminal, recorded in one transaction with the terminal's void voucher
 * and reference (so the record matches the acquirer's export): the sale voided, the void, its audit
 * rows and the print job together.
 */
export async function terminalVoid(
	context: ServiceContext,
	request: VoidRequest,
	answer: TerminalAnswer,
): Promise<TerminalVoidOutcome> {
	const sale = context.store.transactions.get(request.transactionId);
	if (!sale) {
		return {ok: false, reason: 'not-found', detail: 'no such transaction'};
	}

	const {terminalAssistedAdapter} = await import('../payments/terminal-assisted-adapter.js');
	const check = terminalAssistedAdapter().acceptTerminalAnswer(paymentSale(sale), answer, context.now());
	if (!check.ok) {
		return {ok: false, reason: 'terminal-answer', problem: check.problem, detail: check.detail};
	}

	try {
		return context.store.immediate((): TerminalVoidOutcome => {
			const admitted = admitVoid(context, request, {voucherNo: check.voidVoucherNo});
			if (!admitted.ok) {
				return admitted;
			}

			if (
				context.store.voids.isVoucherTaken(admitted.batch.id, check.voidVoucherNo) ||
				context.store.voidRequests.isVoucherRequested(admitted.batch.id, check.voidVoucherNo)
			) {
				return {ok: false, reason: 'terminal-answer', problem: 'taken', detail: check.voidVoucherNo};
			}

			const written = writeVoid(
				context,
				{...admitted, referenceNo: check.voidReferenceNo},
				{
					operatorNo: request.operator.operatorNo,
					approverNo: request.approver?.operatorNo,
					platformRefundNo: check.voidReferenceNo,
				},
			);
			context.store.audit.append(
				{
					operatorNo: request.operator.operatorNo,
					event: 'void-answer',
					result: 'ok',
					record: `transaction:${sale.id}`,
					detail: `terminal void voucher ${check.voidVoucherNo} reference ${check.voidReferenceNo}`,
				},
				admitted.now,
			);
			return written;
		});
	} catch (error) {
		if (error instanceof DatabaseBusyError) {
			return {ok: false, reason: 'busy', detail: error.message};
		}

		throw error;
	}
}

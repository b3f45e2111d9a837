import {padEndToWidth} from '../domain/display-width.js';
import {voidStateText} from './void-state-text.js';
import {outsideResolutionText} from './outside-resolution-text.js';
import type {CommandMessages} from './command-messages.js';

export const zhCNCommands = {
	refusalAdvice: {
		'already-voided': '无需再撤销;如需小票副本:posvoid reprint 凭证号 --operator 操作员号',
		'other-terminal': '请在该终端上撤销',
		'batch-settled': '请通过银行退款',
		'window-expired': '请改为退款',
		'supervisor-required': '请加上 --supervisor 主管号 并输入主管密码',
		'not-found': '请核对凭证号:posvoid void 凭证号 --batch 批次号',
		'not-supervisor': '请用 --supervisor 指定一位主管的编号',
		'stale-credentials': '请重新运行 posvoid void',
		'vouchers-exhausted': '请主管结算该批次(posvoid settle --operator 主管号),然后通过银行退款',
		busy: '请稍候再运行 posvoid void;如持续出现,请关闭其他 posvoid 窗口',
		'resolved-outside': outsideResolutionText['zh-CN'].commandAdvice,
		'in-doubt': voidStateText['zh-CN'].inDoubtCommandAdvice,
	},
	refused: (code, message, advice) => `拒绝撤销(${code}):${message}。${advice}`,
	usage: {
		unknownFlag: flag => `没有参数 ${flag}:参见 \`posvoid COMMAND --help\``,
		flagNeedsValue: flag => `${flag} 需要一个值:参见 \`posvoid COMMAND --help\``,
		flagTakesNoValue: flag => `${flag} 不带值:参见 \`posvoid COMMAND --help\``,
		unexpectedArgument: argument => `该命令不接受参数 "${argument}":参见 \`posvoid COMMAND --help\``,
		unknownCommand: name => `没有 "${name}" 这个命令。运行 \`posvoid --help\` 查看命令列表`,
		wholeNumber: (flag, example) => `--${flag} 需要一个不小于 0 的整数,例如 --${flag} ${example}`,
	},
	void: {
		needsVoucher: 'void 需要原交易的凭证号,例如 000101',
		needsOperator: 'void 需要 --operator 操作员号:执行撤销的操作员',
		noSuchVoucher: (voucherNo, terminalId) =>
			`终端 ${terminalId} 上没有凭证号 ${voucherNo} 的交易:请核对签购单上的号码`,
		manyBatches: (voucherNo, list) => `凭证号 ${voucherNo} 出现在多个批次中;请加上 --batch 批次号:\n${list}`,
		batchLine: (batchNo, time, amount) => `  批次 ${batchNo}  ${time}  ${amount}`,
		overLimit: (amount, limit) => `${amount} 超过主管授权限额 ${limit}:请加上 --supervisor 主管号 并输入主管密码`,
		voided: (voucherNo, amount, card, voidVoucherNo, referenceNo) =>
			`已撤销 ${voucherNo}(${amount},${card}):撤销凭证号 ${voidVoucherNo},参考号 ${referenceNo}`,
		waitsNoPrint: jobId => `小票在打印队列中等待(任务 ${jobId}):posvoid print-queue --retry`,
		printed: printer => `小票已在 ${printer} 打印`,
		notPrinted: (message, advice) => `撤销已生效,但小票未打印:${message}。${advice}`,
		waitsInQueue: jobId => `小票在打印队列中等待(任务 ${jobId}):posvoid print-queue --retry`,
		reasonMenu: '撤销原因:',
		reasonPrompt: count => `原因编号(1-${count}):`,
		badReasonChoice: (answer, count) =>
			`"${answer}" 不是原因编号:未撤销任何交易;请重新运行并输入 1 到 ${count},或加上 --reason 原因`,
		reasonNeeded: reasons => `没有终端可以询问原因时,void 需要 --reason 原因,例如 --reason "${reasons}"`,
	},
	report: {
		title: batchNo => `班次汇总(X 报表),批次 ${batchNo},未结算:`,
		printed: '班次汇总已打印',
		notPrinted: (message, advice) => `班次汇总未打印:${message}。${advice}`,
	},
	audit: {
		chainIntact: (rows, anchor, head) =>
			`审计链完整:已校验 ${rows} 行${anchor ? `,已找到锚点 ${anchor}` : ''}${head ? `;链头 ${head}` : ''}`,
		chainBroken: (row, why, rowsBefore) => `审计链在第 ${row} 行断开:${why}(其前 ${rowsBefore} 行校验通过)`,
		booksAgree: (voids, settlements) => `资金表与审计日志一致:已核对 ${voids} 笔撤销、${settlements} 次结算`,
		booksDisagree: problems => `资金表与审计日志不一致(${problems} 处问题):`,
		more: count => `  …… 另有 ${count} 处`,
		badEvent: (event, kinds) => `--event ${event} 不是事件类型:请用 ${kinds} 之一`,
		badLimit: '--limit 需要 1 到 100000 之间的整数',
		anchorWithoutVerify: '--anchor 需与 --verify 一起使用',
	},
	settle: {
		needsOperator: 'settle 需要 --operator 主管号:执行结算的主管',
		batchHeader: (batchNo, terminalId) => `终端 ${terminalId} 批次 ${batchNo}:`,
		settled: (batchNos, nextBatchNo) => `批次 ${batchNos} 已结算;批次 ${nextBatchNo} 已开启`,
		printed: '结算报表已打印',
		notPrinted: (message, advice) => `批次已结算,但报表未打印:${message}。${advice}`,
		waitsInQueue: jobId => `报表在打印队列中等待(任务 ${jobId}):posvoid print-queue --retry`,
		reprinted: batchNo => `已重打印批次 ${batchNo} 的结算报表`,
		reprintNotPrinted: (message, advice) => `重打印未完成:${message}。${advice}报表在打印队列中等待。`,
	},
	printQueue: {
		empty: '没有等待打印的小票',
		job: (jobId, state, title, attempts, when, error) =>
			`任务 ${jobId}  ${padEndToWidth(state, 8)} ${title}  尝试 ${attempts} 次  ${when}  ${error}`.trimEnd(),
		waiting: count => `${count} 张小票等待打印:posvoid print-queue --retry`,
		printed: (jobId, title) => `已打印任务 ${jobId}:${title}`,
		notPrinted: (jobId, message, advice) => `任务 ${jobId} 未打印:${message}。${advice}`,
	},
	reprint: {
		needsVoucher: 'reprint 需要凭证号,例如 000124',
		needsOperator: 'reprint 需要 --operator 操作员号:执行重打印的操作员,记入审计日志',
		badBatch: batch => `--batch ${batch} 不是批次号,例如 000001`,
		badKind: kind => `--kind ${kind} 只能是 void 或 sale`,
		noSuchVoid: voucherNo => `没有凭证号 ${voucherNo} 的撤销:请核对小票上的号码,或查看 \`posvoid audit --event void\``,
		manyVoids: (voucherNo, list) =>
			`凭证号 ${voucherNo} 对应多笔撤销;未打印任何小票。请加上 --batch 批次号 或 --kind void|sale:\n${list}`,
		match: (batchNo, voucherNo, saleVoucherNo, kindFlag) =>
			`  批次 ${batchNo}  撤销 ${voucherNo}(原交易 ${saleVoucherNo})  (${kindFlag})`,
		reprinted: (voucherNo, saleVoucherNo, batchNo) =>
			`已重打印撤销 ${voucherNo}(原交易 ${saleVoucherNo},批次 ${batchNo})`,
		notPrinted: (message, advice) => `重打印未完成:${message}。${advice}`,
		waitsInQueue: jobId => `小票在打印队列中等待(任务 ${jobId}):posvoid print-queue --retry`,
	},
	operator: {
		role: {cashier: '收银员', supervisor: '主管'},
		row: (operatorNo, role, name, failures, lockedUntil) =>
			`${operatorNo.padEnd(4)} ${padEndToWidth(role, 10)} ${name}${failures > 0 ? `  密码错误 ${failures} 次` : ''}${lockedUntil === undefined ? '' : `  已锁定至 ${lockedUntil}`}`,
		none: '还没有操作员:请运行 `posvoid init`',
		unknownAction: action => `没有 "${action}" 这个操作员命令:可用 add、passwd、unlock 或 list`,
		needsNumber: action => `operator ${action} 需要操作员号,例如 01`,
		badRole: role => `--role ${role} 不是角色:可用 cashier(收银员)或 supervisor(主管)`,
		needsName: 'operator add 需要 --name 姓名',
		adminOnlyUnlock: '--admin 只用于 `posvoid operator unlock 操作员号`:其他操作需要主管',
		added: (role, operatorNo) => `已添加${role} ${operatorNo}`,
		passwordChanged: operatorNo => `已修改操作员 ${operatorNo} 的密码`,
		unlocked: operatorNo => `已解锁操作员 ${operatorNo}`,
		unlockedAsAccount: (operatorNo, account) => `已以电脑账户 ${account} 解锁操作员 ${operatorNo}`,
	},
	export: {
		needsBatch: 'export 需要 --batch 批次号,例如 --batch 7',
		badFormat: format => `--format ${format} 不是可用的格式:请用 csv 或 json`,
		wrote: (rows, file) => `已将 ${rows} 行写入 ${file}`,
		exists: file => `${file} 已存在:请换一个 --out 或先删除它`,
	},
	import: {
		needsFile: 'import 需要一个文件,例如 `posvoid import data/sample-transactions.csv`',
		isFolder: file =>
			`${file} 是文件夹,不是文件:请指定其中的 CSV 或 JSON Lines 文件,例如 posvoid import ${file}/sales.csv`,
		badLine: (line, problems) => `第 ${line} 行:${problems}`,
		duplicate: (line, terminalId, batchNo, voucherNo, firstLine) =>
			`第 ${line} 行:与终端 ${terminalId} 批次 ${batchNo} 凭证号 ${voucherNo} 重复(${firstLine === undefined ? '已在数据库中' : `与第 ${firstLine} 行相同`});不再导入`,
		ignoredColumns: columns => `已忽略的列(未保存):${columns}`,
		nothingImported: (file, bad, read) =>
			`未从 ${file} 导入任何数据:${read} 行中有 ${bad} 行有误。请修正后重新导入,或加上 --skip-bad 只导入正确的行`,
		imported: report =>
			`已从 ${report.file}(${report.format})导入 ${report.read} 行中的 ${report.imported} 行${report.skipped > 0 ? `,跳过 ${report.skipped} 行错误` : ''},重复 ${report.duplicates} 行${report.batches === '' ? '' : `;新批次 ${report.batches}`}`,
	},
	init: {
		wroteConfig: (file, from) => `已根据 ${from} 写入 ${file}:请在其中填写商户、终端和打印机`,
		configHasNoExample: file =>
			`${file} 没有配置文件,这里也没有可参照的 data/config.example.json:请在 posvoid 文件夹中运行 posvoid init,或把示例复制到 ${file}`,
	},
	printer: {
		badFlag: problem => `${problem}。参数说明见 \`posvoid printer --help\``,
		cannotListen: (address, code, advice) => `无法在 ${address} 上监听(${code}):${advice}`,
		portInUse: '该端口已被其他程序(或另一个打印机模拟器)占用:请关闭它或用 --port 指定其他端口',
		checkHost: '请确认 --host 是本机的地址',
	},
	demo: {
		seeding: file => `正在生成演示数据 ${file} …`,
		reset: file => `重新开始演示:已删除 ${file} 及其历史`,
		resetNeedsDefault: '--reset 只重建演示数据库:请去掉 --db,或自行删除该文件',
		finished: (database, slips) =>
			`数据库 ${database};已打印的小票在 ${slips}。结算之后,运行 \`posvoid demo --reset\` 可重新开始演示`,
		finishedOnPrinter: (database, printer) =>
			`数据库 ${database};小票已发往打印机 ${printer}。结算之后,运行 \`posvoid demo --reset\` 可重新开始演示`,
		printerFault: fault => `演示打印机以故障 "${fault}" 启动`,
		platformsOnline: (channels, url, keys) =>
			`${channels}的撤销将在线发送至内置支付平台模拟器 ${url}(演示密钥在 ${keys},仅所有者可读)`,
		platformFault: fault => `演示支付平台模拟器以故障 "${fault}" 启动`,
		printerAndFault:
			'--printer-fault 设置内置模拟器,--printer 则打印到别处:请只用其中一个(要在别处模拟故障打印机,运行 `posvoid printer --fault 故障`)',
	},
} satisfies CommandMessages;

import type {Language} from './language.js';

/** The words of `posvoid printer test` and `posvoid printer identify`, in both languages. */
export type PrinterCheckText = {
	testHelp: string;
	identifyHelp: string;
	/** The page went out; what the printer answered. */
	testPrinted: (profile: string) => string;
	status: (answered: boolean) => string;
	confirmation: (kind: 'confirmed' | 'unconfirmed') => string;
	pageFailed: (message: string, advice: string) => string;
	unencodable: (characters: string) => string;
	unreachable: (where: string, message: string, advice: string) => string;
	identity: (field: 'maker' | 'model' | 'firmware' | 'fonts', value: string) => string;
	suggestion: (profile: string) => string;
	noIdentity: string;
};

const en: PrinterCheckText = {
	testHelp: `posvoid printer test [--printer HOST[:PORT]] [--config PATH]

Prints a test page on the configured printer: a code-page line, a Chinese line, ￥, a QR symbol, a cut
and the profile's name. Says whether the printer answered the status check (DLE EOT) and whether it
confirmed the page (GS r 1 / GS ( H, as printer.confirmation says).
Exit status: 0 printed and confirmed, 3 sent but not confirmed or not printed, 1 not reachable.`,
	identifyHelp: `posvoid printer identify [--printer HOST[:PORT]] [--config PATH]

Asks the printer who it is (GS I 65 firmware, 66 maker, 67 model, 69 fonts) and suggests a built-in profile.
Exit status: 0 it answered, 3 it does not answer GS I, 1 not reachable.`,
	testPrinted: profile => `test page sent (profile: ${profile})`,
	status: answered =>
		answered
			? 'status (DLE EOT): yes, the printer answers it'
			: 'status (DLE EOT): no answer; set printer.status to "none" for this printer',
	confirmation: kind =>
		kind === 'confirmed'
			? 'confirmation: yes, the printer confirmed the page after printing it'
			: 'confirmation: no (printer.confirmation is "none"): check the page by eye; slips will ask the clerk',
	pageFailed: (message, advice) =>
		`confirmation: no, the page did not print or was not confirmed: ${message}. ${advice} (a printer that never confirms needs printer.confirmation "none")`,
	unencodable: characters => `these characters printed as ?: ${characters}`,
	unreachable: (where, message, advice) => `cannot reach the printer at ${where}: ${message}. ${advice}`,
	identity: (field, value) =>
		`${{maker: 'maker', model: 'model', firmware: 'firmware', fonts: 'fonts'}[field]}: ${value}`,
	suggestion: profile => `suggested profile: ${profile}`,
	noIdentity:
		'the printer does not answer GS I: pick a profile by hand (generic-escpos for one that answers nothing), then run posvoid printer test',
};

const zhCN: PrinterCheckText = {
	testHelp: `posvoid printer test [--printer HOST[:PORT]] [--config PATH]

在配置的打印机上打印测试页:一行代码页文字、一行中文、￥、一个二维码、切纸和打印机配置名称。
并报告打印机是否回答状态查询(DLE EOT),以及是否确认打印完成(GS r 1 / GS ( H,按 printer.confirmation)。
退出码:0 已打印并确认,3 已发送但未确认或未打印,1 无法连接。`,
	identifyHelp: `posvoid printer identify [--printer HOST[:PORT]] [--config PATH]

询问打印机型号(GS I 65 固件、66 厂商、67 型号、69 字库),并建议一个内置配置。
退出码:0 打印机已回答,3 打印机不回答 GS I,1 无法连接。`,
	testPrinted: profile => `测试页已发送(配置:${profile})`,
	status: answered =>
		answered ? '状态查询(DLE EOT):是,打印机会回答' : '状态查询(DLE EOT):无回答;请把 printer.status 设为 "none"',
	confirmation: kind =>
		kind === 'confirmed'
			? '打印确认:是,打印机打印后确认了测试页'
			: '打印确认:否(printer.confirmation 为 "none"):请目视检查;打印小票时会询问收银员',
	pageFailed: (message, advice) =>
		`打印确认:否,测试页未打印或未确认:${message}。${advice}(从不确认的打印机请把 printer.confirmation 设为 "none")`,
	unencodable: characters => `以下字符打印为 ?:${characters}`,
	unreachable: (where, message, advice) => `无法连接打印机 ${where}:${message}。${advice}`,
	identity: (field, value) => `${{maker: '厂商', model: '型号', firmware: '固件', fonts: '字库'}[field]}:${value}`,
	suggestion: profile => `建议配置:${profile}`,
	noIdentity: '打印机不回答 GS I:请手动选择配置(什么都不回答的打印机用 generic-escpos),然后运行 posvoid printer test',
};

const texts: Record<Language, PrinterCheckText> = {en, 'zh-CN': zhCN};

export function printerCheckTextFor(language: Language): PrinterCheckText {
	return texts[language];
}

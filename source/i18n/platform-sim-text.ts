// The words of `posvoid platform-sim`, in both languages. The simulator's protocol lines (requests,
// faults) stay in English, like the printer emulator's job lines: they are for the engineer.

import type {Language} from './language.js';

export type PlatformSimText = {
	badFlag: (problem: string) => string;
	cannotListen: (address: string, reason: string) => string;
	badSales: (file: string, reason: string) => string;
	keysAt: (folder: string) => string;
};

const text: Record<Language, PlatformSimText> = {
	'zh-CN': {
		badFlag: problem => `${problem}。运行 posvoid platform-sim --help 查看参数`,
		cannotListen: (address, reason) => `无法在 ${address} 上监听(${reason}):换一个 --port,或用 --port 0 选空闲端口`,
		badSales: (file, reason) => `无法读取交易文件 ${file}(${reason}):应为 JSON 数组`,
		keysAt: folder => `演示密钥在 ${folder}(仅所有者可读;密钥内容不会显示)`,
	},
	en: {
		badFlag: problem => `${problem}. Run posvoid platform-sim --help for its flags`,
		cannotListen: (address, reason) =>
			`cannot listen on ${address} (${reason}): pick another --port, or --port 0 for a free one`,
		badSales: (file, reason) => `cannot read the sales file ${file} (${reason}): it should be a JSON array`,
		keysAt: folder => `demo keys in ${folder} (owner-only; their contents are never shown)`,
	},
};

export function platformSimText(language: Language): PlatformSimText {
	return text[language];
}

import type {PrinterProfile} from '../config.js';
import * as command from './escpos-commands.js';
import {layoutSlip} from './slip-layout.js';
import type {SlipModel} from './slip-model.js';
import {encodeText, type EncodedText} from './text-encoding.js';

export type EscPosTarget = Pick<PrinterProfile, 'columns' | 'encoding' | 'nativeQr' | 'cut'>;

/** Bigger modules on 80 mm paper; 4 dots keeps a 12-digit reference well inside 58 mm. */
function qrModuleDots(columns: number): number {
	return columns >= 48 ? 6 : 4;
}

/** The slip as the bytes a printer of this profile expects; `unencodable` lists each character printed as `?`. */
export function renderSlipEscPos(model: SlipModel, profile: EscPosTarget): EncodedText {
	const {encoding} = profile;
	const layout = layoutSlip(model, profile);
	const parts: Uint8Array[] = [command.initialize()];
	if (encoding === 'gb18030') {
		parts.push(command.chineseModeOn());
	} else {
		parts.push(command.chineseModeOff(), command.selectCodePage(encoding));
	}

	// ESC @ leaves the printer left-aligned, not bold, normal size; only changes are sent.
	let align: command.Alignment = 'left';
	let bold = false;
	let size: 1 | 2 = 1;
	const setAlign = (wanted: command.Alignment) => {
		if (wanted !== align) {
			parts.push(command.align(wanted));
			align = wanted;
		}
	};

	for (const line of layout.lines) {
		switch (line.kind) {
			case 'line': {
				setAlign(line.align);
				if (line.bold !== bold) {
					parts.push(command.bold(line.bold));
					bold = line.bold;
				}

				if (line.size !== size) {
					parts.push(command.characterSize(line.size, line.size));
					size = line.size;
				}

				parts.push(encodeText(line.text, encoding).bytes, command.lineFeed());
				break;
			}

			case 'qr': {
				setAlign('centre');
				parts.push(
					command.qrModel2(),
					command.qrModuleSize(qrModuleDots(profile.columns)),
					command.qrErrorLevel('M'),
					command.qrStore(encodeText(line.data, encoding).bytes),
					command.qrPrint(),
				);
				break;
			}

			case 'cut': {
				parts.push(command.feedAndCut(0));
				break;
			}
		}
	}

	return {bytes: Buffer.concat(parts), unencodable: layout.unencodable};
}

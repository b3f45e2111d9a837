import * as command from './escpos-commands.js';
import type {PrinterModel} from './printer-profile.js';
import {rasterQr} from './raster-qr.js';
import {layoutSlip, layoutTargetFor} from './slip-layout.js';
import type {SlipModel} from './slip-model.js';
import {encodeText, encodingFor, isChineseSet, type Substitution} from './text-encoding.js';

/** The slip's bytes, with what the printer could not print as itself and the substitutions made for it. */
export type RenderedSlip = {bytes: Uint8Array; unencodable: string[]; substitutions: Substitution[]};

/** Bigger modules on 80 mm paper; 4 dots keeps a 12-digit reference well inside 58 mm. */
export function qrModuleDots(model: PrinterModel): number {
	return model.paper.dots >= 512 ? 6 : 4;
}

/** The commands that put the printer in the text mode this model's slips use, after ESC @. */
function textModeCommands(model: PrinterModel): Uint8Array[] {
	const encoding = encodingFor(model);
	if (isChineseSet(encoding)) {
		return [command.chineseModeOn()];
	}

	const page = model.codePages[model.codePage];
	// FS . on a printer that ignores it is harmless; encoding 'ascii' already keeps every byte below 0x80.
	return [command.chineseModeOff(), ...(page === undefined ? [] : [command.selectCodePage(page)])];
}

/** The slip as the bytes a printer of this model expects: only commands the model has. */
export function renderSlipEscPos(model: SlipModel, printer: PrinterModel): RenderedSlip {
	const encoding = encodingFor(printer);
	const layout = layoutSlip(model, layoutTargetFor(printer));
	const parts: Uint8Array[] = [command.initialize(), ...textModeCommands(printer)];

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
				// The data is what the layout made printable: the same text the preview shows under [QR: …].
				const data = encodeText(line.data, encoding).bytes;
				if (printer.qr === 'native') {
					parts.push(
						command.qrModel2(),
						command.qrModuleSize(qrModuleDots(printer)),
						command.qrErrorLevel('M'),
						command.qrStore(data),
						command.qrPrint(),
					);
				} else {
					const image = rasterQr(data, qrModuleDots(printer));
					parts.push(command.rasterImage(image.widthBytes, image.height, image.data));
				}

				break;
			}

			case 'cut': {
				parts.push(command.feedAndCut(0, printer.cutter === 'full' ? 'full' : 'partial'));
				break;
			}
		}
	}

	return {bytes: Buffer.concat(parts), unencodable: layout.unencodable, substitutions: layout.substitutions};
}

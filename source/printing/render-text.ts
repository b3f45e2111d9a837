import type {PrinterProfile} from '../config.js';
import {alignmentPadding, cutMarker, layoutSlip, measureFor, qrPlaceholder} from './slip-layout.js';
import type {SlipModel} from './slip-model.js';

export type PreviewTarget = Partial<Pick<PrinterProfile, 'encoding' | 'nativeQr' | 'cut'>>;

/**
 * The slip as plain text, one string with `\n` between lines. Without a target it is the on-screen
 * preview; with a printer's encoding, QR and cut settings it is exactly what the emulator decodes from
 * that printer's bytes. Conventions shared with the emulator: alignment becomes leading spaces counted
 * in paper columns (a double-size glyph counts twice), trailing spaces are dropped, bold is not shown,
 * a QR code is `[QR: data]` centred and a cut is `[CUT]`.
 */
export function renderSlipText(model: SlipModel, columns: number, target: PreviewTarget = {}): string {
	const layout = layoutSlip(model, {columns, ...target});
	const measure = measureFor(target.encoding);
	const lines = layout.lines.map(line => {
		if (line.kind === 'qr') {
			const placeholder = qrPlaceholder(line.data);
			return ' '.repeat(alignmentPadding('centre', measure(placeholder), columns)) + placeholder;
		}

		if (line.kind === 'cut') {
			return cutMarker;
		}

		const padding = alignmentPadding(line.align, measure(line.text) * line.size, columns);
		return (' '.repeat(padding) + line.text).trimEnd();
	});
	return lines.join('\n');
}

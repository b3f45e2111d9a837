import type {PrinterModel} from './printer-profile.js';
import {
	alignmentPadding,
	cutMarker,
	layoutSlip,
	layoutTargetFor,
	measureFor,
	qrPlaceholder,
	type LayoutTarget,
} from './slip-layout.js';
import type {SlipModel} from './slip-model.js';

/**
 * The slip as plain text, one string with `\n` between lines. Given a column count it is the on-screen
 * preview as a terminal draws it; given a printer model it is exactly what the emulator decodes from
 * that printer's bytes. Conventions shared with the emulator: alignment becomes leading spaces counted
 * in paper columns (a double-size glyph counts twice), trailing spaces are dropped, bold is not shown,
 * a QR code, native or raster, is `[QR: data]` centred and a cut is `[CUT]`.
 */
export function renderSlipText(model: SlipModel, target: number | PrinterModel | LayoutTarget): string {
	const layoutTarget =
		typeof target === 'number' ? {columns: target} : 'paper' in target ? layoutTargetFor(target) : target;
	const {columns} = layoutTarget;
	const layout = layoutSlip(model, layoutTarget);
	const measure = measureFor(layoutTarget.encoding);
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

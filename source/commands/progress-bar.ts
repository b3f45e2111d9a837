import {writeControl, writeText} from './terminal-output.js';

/** A one-line progress bar on stderr, drawn only when stderr is a terminal, so pipes and logs stay clean. */
export type ProgressBar = {update: (done: number, total: number) => void; finish: () => void};

const width = 30;

function ignore(): void {
	// Not a terminal: nothing to draw.
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
	if (!stream.isTTY) {
		return {update: ignore, finish: ignore};
	}

	let lastDrawn = -1;
	let drawn = false;
	return {
		update(done, total) {
			const fraction = total > 0 ? Math.min(1, done / total) : 1;
			const percent = Math.floor(fraction * 100);
			// Redraw on whole percents only: a million updates would otherwise cost more than the work.
			if (percent === lastDrawn) {
				return;
			}

			lastDrawn = percent;
			drawn = true;
			const filled = Math.round(fraction * width);
			writeControl(stream, '\r');
			writeText(
				stream,
				`${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%`,
			);
		},
		finish() {
			if (drawn) {
				writeControl(stream, '\r\u001B[2K');
			}
		},
	};
}

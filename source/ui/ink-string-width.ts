// What Ink measures text with. The build puts this module in place of string-width for Ink and its
// helpers (scripts/build.js): the same widths, found without grapheme segmentation for the plain
// text the console shows. Calls with options go to string-width itself.
import stringWidth, {type Options} from 'string-width';
import {displayWidth} from '../domain/display-width.js';

export default function inkStringWidth(text: string, options?: Options): number {
	return typeof text === 'string' && options === undefined ? displayWidth(text) : stringWidth(text, options);
}

// C0 controls except line feed, DEL and the C1 range. ESC, DLE, GS and FS are C0.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** Removes control characters so that no field from the database can drive a terminal or a printer. Keeps line feeds. */
export function stripControl(text: string): string {
	return text.replaceAll(controlCharacters, '');
}

/** Removes control characters and line feeds: for single-line fields such as names. */
export function singleLine(text: string): string {
	return stripControl(text).replaceAll('\n', ' ');
}

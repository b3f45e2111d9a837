// One rule for every password posvoid takes: the console's masked field, the command line's masked
// read and `--password-stdin` all stop at the same length and take the same characters, so a
// password set from the command line can always be typed at the console.

/** The longest password any field accepts. */
export const passwordMaxLength = 128;

/** A character a password may hold: printable, so no control byte, DEL or C1 control. */
export function isPasswordCharacter(character: string): boolean {
	return character >= ' ' && character !== '\u007F' && !/[\u0080-\u009F]/.test(character);
}

/** Why a new password is refused, in a sentence that says what to type instead; undefined when it is good. */
export function newPasswordProblem(password: string, minLength: number): string | undefined {
	const characters = [...password];
	if (characters.length < minLength || characters.length > passwordMaxLength) {
		return `the password must be ${minLength} to ${passwordMaxLength} characters`;
	}

	if (!characters.every(character => isPasswordCharacter(character))) {
		return 'the password may hold only printable characters (no tabs or control keys)';
	}

	return undefined;
}

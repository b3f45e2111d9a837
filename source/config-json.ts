// JSON.parse keeps the last of two equal keys in an object without a word. A configuration that
// says `"port": 9100` and later `"port": 9101` is a mistake someone should see, so the text is
// scanned for repeated keys once it has parsed. Iterative, so a deeply nested file cannot overflow the stack.

type Frame = {kind: 'object' | 'array'; path: string; keys: Set<string>; key: string | undefined; index: number};

function childPath(frame: Frame | undefined): string {
	if (!frame) {
		return '';
	}

	if (frame.kind === 'array') {
		return `${frame.path}[${frame.index}]`;
	}

	return frame.path ? `${frame.path}.${frame.key ?? ''}` : (frame.key ?? '');
}

/** The dotted path of the first key an object of `text` (valid JSON) repeats, such as `printer.port`. */
export function findRepeatedKey(text: string): string | undefined {
	const stack: Frame[] = [];
	let expectingKey = false;
	for (let at = 0; at < text.length; at++) {
		const character = text.charAt(at);
		const top = stack.at(-1);
		switch (character) {
			case '{':
			case '[': {
				stack.push({
					kind: character === '{' ? 'object' : 'array',
					path: childPath(top),
					keys: new Set(),
					key: undefined,
					index: 0,
				});
				expectingKey = character === '{';
				break;
			}

			case '}':
			case ']': {
				stack.pop();
				expectingKey = false;
				break;
			}

			case ',': {
				if (top?.kind === 'array') {
					top.index++;
				}

				expectingKey = top?.kind === 'object';
				break;
			}

			case '"': {
				let end = at + 1;
				while (text[end] !== '"') {
					end += text[end] === '\\' ? 2 : 1;
				}

				if (expectingKey && top) {
					const key = JSON.parse(text.slice(at, end + 1)) as string;
					top.key = key;
					// Comments (keys starting with //) may repeat: only their text is lost, and it means nothing.
					if (top.keys.has(key) && !key.startsWith('//')) {
						return childPath(top);
					}

					top.keys.add(key);
					expectingKey = false;
				}

				at = end;
				break;
			}

			default:
			// Numbers, literals, colons and whitespace say nothing about keys.
		}
	}

	return undefined;
}

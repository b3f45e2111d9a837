// The build's swap of string-width for posvoid's own measure (source/ui/ink-string-width.ts), kept apart from
// scripts/build.js so a test can run it against fake packages (test/scripts/string-width-swap.test.ts).
import {readFileSync} from 'node:fs';
import path from 'node:path';

/** The string-width major that source/ui/ink-string-width.ts stands in for: the copy Ink 6 depends on. */
export const replacedMajor = 8;

const whatToDo =
	'Compare that string-width with source/ui/ink-string-width.ts (test/domain/display-width.test.ts checks the widths ' +
	'character by character), then update `replacedMajor` in scripts/string-width-swap.js; or remove the swap from ' +
	'scripts/build.js to bundle the real string-width.';

const isInk = importer => /[/\\]node_modules[/\\]ink[/\\]/.test(importer);

/**
 * Whether one import of string-width gets the replacement. Copies of another major imported by other
 * packages (wrap-ansi's string-width 7) stay the real ones; Ink's own copy must be the major the replacement
 * was written for, or the build stops: a silent fallback would slow every frame without anyone noticing.
 */
export function swapDecision(version, importer) {
	if (version.startsWith(`${replacedMajor}.`)) {
		return {swap: true};
	}

	if (isInk(importer)) {
		return {
			swap: false,
			error:
				`Ink now imports string-width ${version}, but posvoid's replacement is written for string-width ` +
				`${replacedMajor} (imported by ${importer}). ${whatToDo}`,
		};
	}

	return {swap: false};
}

/**
 * The esbuild plugin. `replacement` is the module that takes string-width's place; `exempt` are the files that
 * import the real string-width (the replacement itself and source/domain/display-width.ts).
 */
export function stringWidthSwap({replacement, exempt}) {
	return {
		name: 'ink-string-width',
		setup(builder) {
			let inkBundled = false;
			let inkSwapped = false;
			builder.onStart(() => {
				inkBundled = false;
				inkSwapped = false;
			});
			builder.onResolve({filter: /^ink$/}, () => {
				inkBundled = true;
				return undefined;
			});
			builder.onResolve({filter: /^string-width$/}, async ({importer, resolveDir, kind, pluginData}) => {
				if (pluginData === 'real' || exempt.includes(importer)) {
					return undefined;
				}

				const resolved = await builder.resolve('string-width', {resolveDir, kind, pluginData: 'real'});
				if (resolved.errors.length > 0) {
					return {errors: resolved.errors};
				}

				const manifest = path.join(path.dirname(resolved.path), 'package.json');
				const {version} = JSON.parse(readFileSync(manifest, 'utf8'));
				const decision = swapDecision(String(version), importer);
				if (decision.error) {
					return {errors: [{text: decision.error}]};
				}

				if (decision.swap && isInk(importer)) {
					inkSwapped = true;
				}

				return decision.swap ? {path: replacement} : undefined;
			});
			builder.onEnd(result => {
				if (result.errors.length > 0 || !inkBundled || inkSwapped) {
					return undefined;
				}

				return {
					errors: [
						{
							text: `Ink is bundled but none of its modules imports string-width any more, so the swap for source/ui/ink-string-width.ts applied to nothing. ${whatToDo}`,
						},
					],
				};
			});
		},
	};
}

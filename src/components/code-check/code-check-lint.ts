/**
 * The check itself, loaded on the first "Check" only (it is most of the page's code): ESLint's
 * `Linter` from its browser entry, a TypeScript parser that needs no Node built-ins, and the
 * plugin's rules as its recommended config sets them, the same rules
 * `npx eslint-plugin-pocketbase-ssr` runs over a project.
 */
import type { ESLint } from 'eslint';
import { Linter } from 'eslint/universal';
// The plugin's browser-safe entry: the rules and their docs, without the Node parser.
import {
	files,
	namespace,
	recommendedRules,
	ruleDocs as docsByName,
	rules,
} from '../../../packages/eslint-plugin-pocketbase-ssr/src/rules.js';
import * as parser from './browser-parser';
import type { LintMessage, PastedFile, RuleDoc } from './code-check-view';

const linter = new Linter({ configType: 'flat' });

/**
 * The rules without their options schemas. ESLint checks a rule's options by compiling its
 * schema into a function at run time (Ajv, `new Function`), which the site's
 * Content-Security-Policy refuses; the page sets no options, as the recommended config sets none.
 */
const browserRules = Object.fromEntries(
	Object.entries(rules).map(([name, rule]) => [
		name,
		{ ...rule, meta: { ...rule.meta, schema: false } },
	])
);

/** The recommended config, with the browser parser in place of the package's. */
const config: Linter.Config[] = [
	{
		files,
		// typescript-eslint's and ESLint's types describe the same rule objects differently.
		plugins: { [namespace]: { rules: browserRules } as unknown as ESLint.Plugin },
		languageOptions: { parser, sourceType: 'module' },
		// A pasted `eslint-disable` comment names rules this page does not load; the command
		// line ignores them the same way.
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
		rules: recommendedRules,
	},
];

/** ESLint's messages for one file, linted under its path (the rules read it). */
export function lintFile(file: PastedFile): LintMessage[] {
	return linter.verify(file.code, config, { filename: file.name });
}

/** The plugin's words for each rule, under the id ESLint reports it by. */
export const ruleDocs: Record<string, RuleDoc> = Object.fromEntries(
	Object.entries(docsByName).map(([name, doc]) => [`${namespace}/${name}`, doc])
);

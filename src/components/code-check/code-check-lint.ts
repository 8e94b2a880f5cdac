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
import { createSharedClientCollector } from '../../../packages/eslint-plugin-pocketbase-ssr/src/shared-clients.js';
import * as parser from './browser-parser';
import type { LintMessage, PastedFile, RuleDoc } from './code-check-view';

const linter = new Linter({ configType: 'flat' });

/**
 * Rules without their options schemas. ESLint checks a rule's options by compiling its schema
 * into a function at run time (Ajv, `new Function`), which the site's Content-Security-Policy
 * refuses; the page sets no options, as the recommended config sets none.
 */
function withoutSchemas(rules: Record<string, { meta?: object }>): ESLint.Plugin {
	const entries = Object.entries(rules).map(([name, rule]): [string, object] => [
		name,
		{ ...rule, meta: { ...rule.meta, schema: false } },
	]);
	// typescript-eslint's and ESLint's types describe the same rule objects differently.
	return { rules: Object.fromEntries(entries) } as unknown as ESLint.Plugin;
}

/** The recommended config's parts, with the browser parser in place of the package's. */
const common: Linter.Config = {
	files,
	languageOptions: { parser, sourceType: 'module' },
	// A pasted `eslint-disable` comment names rules this page does not load; the command line
	// ignores them the same way.
	linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
};
const plugin = withoutSchemas(rules);

/**
 * ESLint's messages for each file, linted under its path (the rules read it). As the plugin's
 * command does over a project, a first run notes which files export a client they share with
 * every request, so that the second can report the files that import one.
 */
export function lintFiles(pasted: readonly PastedFile[]): LintMessage[][] {
	const collector = createSharedClientCollector();
	const collect: Linter.Config = {
		...common,
		plugins: { 'pocketbase-ssr-collect': withoutSchemas(collector.plugin.rules) },
		rules: collector.rules,
	};
	for (const file of pasted) linter.verify(file.code, [collect], { filename: file.name });
	const check: Linter.Config = {
		...common,
		plugins: { [namespace]: plugin },
		rules: recommendedRules,
		settings: collector.settings(),
	};
	return pasted.map((file) => linter.verify(file.code, [check], { filename: file.name }));
}

/** The plugin's words for each rule, under the id ESLint reports it by. */
export const ruleDocs: Record<string, RuleDoc> = Object.fromEntries(
	Object.entries(docsByName).map(([name, doc]) => [`${namespace}/${name}`, doc])
);

// The command line: lint a folder (or a file) with the recommended config and nothing else, so it
// works in a project with no ESLint set up. Node only; the rules themselves never touch the disk.

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../src/index.js';
import { namespace } from '../src/rules.js';
import { createSharedClientCollector } from '../src/shared-clients.js';

/** Dependencies and build output: other people's code, or code generated from yours. */
export const ignoredFolders = [
	'**/node_modules/',
	'**/.svelte-kit/',
	'**/.next/',
	'**/build/',
	'**/dist/',
	'**/.vercel/',
	'**/.netlify/',
	'**/.output/',
];

const usage = `Usage: eslint-plugin-pocketbase-ssr <path>

Checks the JavaScript and TypeScript files under <path> (a folder or a file) for the PocketBase
pitfalls of SvelteKit and Next.js server code. No ESLint setup needed; node_modules and build
output (.svelte-kit, .next, build, dist) are skipped.

Exit status: 0 no findings, 1 findings, 2 usage error.`;

/**
 * @typedef {object} Output
 * @property {(text: string) => void} out
 * @property {(text: string) => void} err
 */

/**
 * Lints a folder or a file with the recommended config alone, and keeps this plugin's findings.
 * @param {string} path An absolute path.
 */
export async function lintPath(path) {
	const isFolder = statSync(path).isDirectory();
	/** @param {import('eslint').Linter.Config[]} configs */
	const linter = (configs) =>
		new ESLint({
			// ESLint lints only files under its cwd.
			cwd: isFolder ? path : dirname(path),
			overrideConfigFile: true,
			overrideConfig: [
				{ ignores: ignoredFolders },
				...configs,
				// The project's own `eslint-disable` comments name rules this run does not load.
				{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
			],
			errorOnUnmatchedPattern: false,
		});

	// One run with the rules and a collector of the modules that share a client; then the files
	// that import from one run again, knowing it. Parsing dominates the time, so only those.
	const collector = createSharedClientCollector();
	const collect = {
		files: plugin.configs.recommended[0]?.files ?? [],
		plugins: {
			'pocketbase-ssr-collect': /** @type {import('eslint').ESLint.Plugin} */ (
				/** @type {unknown} */ (collector.plugin)
			),
		},
		rules: collector.rules,
	};
	const eslint = linter([...plugin.configs.recommended, collect]);
	const results = await eslint.lintFiles([path]);
	const importers = collector.importers();
	if (importers.length > 0) {
		const again = await linter([
			...plugin.configs.recommended,
			{ settings: collector.settings() },
		]).lintFiles(importers);
		const byFile = new Map(again.map((result) => [result.filePath, result]));
		results.forEach((result, i) => (results[i] = byFile.get(result.filePath) ?? result));
	}

	// A file the parser cannot read is no finding; the caller says it was not checked.
	/** @type {string[]} */
	const unreadable = [];
	for (const result of results) {
		const fatal = result.messages.find((m) => m.fatal);
		if (fatal) unreadable.push(`${result.filePath}: ${fatal.message}`);
		result.messages = result.messages.filter((m) => m.ruleId?.startsWith(`${namespace}/`));
		result.errorCount = result.messages.filter((m) => m.severity === 2).length;
		result.warningCount = result.messages.length - result.errorCount;
		result.fatalErrorCount = 0;
		result.fixableErrorCount = 0;
		result.fixableWarningCount = 0;
	}
	return { eslint, results, unreadable };
}

/**
 * @param {string[]} args The arguments after the command's name.
 * @param {Output} output
 * @returns {Promise<0 | 1 | 2>}
 */
export async function run(args, output) {
	if (args.includes('--help') || args.includes('-h')) {
		output.out(`${usage}\n`);
		return 0;
	}
	const [target, ...rest] = args;
	if (target === undefined || rest.length > 0) {
		output.err(`${target === undefined ? 'No path given.' : 'Give one path.'}\n\n${usage}\n`);
		return 2;
	}
	const path = resolve(target);
	if (!existsSync(path)) {
		output.err(`No such file or folder: ${target}\n`);
		return 2;
	}
	const { eslint, results, unreadable } = await lintPath(path);
	const formatter = await eslint.loadFormatter('stylish');
	const text = await formatter.format(results);
	if (text) output.out(text.endsWith('\n') ? text : `${text}\n`);
	if (unreadable.length > 0)
		output.err(`Not checked (could not parse):\n  ${unreadable.join('\n  ')}\n`);
	const findings = results.reduce((sum, r) => sum + r.messages.length, 0);
	if (findings === 0) {
		const files = results.length;
		output.out(`No findings in ${files} file${files === 1 ? '' : 's'}.\n`);
		return 0;
	}
	return 1;
}

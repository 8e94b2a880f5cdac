// The plugin for a flat config: `pocketbase.configs.recommended` parses JavaScript and TypeScript
// with typescript-eslint's parser and turns every rule on.

import tsParser from '@typescript-eslint/parser';
import { files, namespace, recommendedRules, ruleDocs, rules } from './rules.js';

const plugin = {
	meta: { name: 'eslint-plugin-pocketbase-ssr', version: '0.1.0', namespace },
	rules,
	configs: {
		/** @type {import('eslint').Linter.Config[]} */
		recommended: [],
	},
};

plugin.configs.recommended.push({
	name: 'pocketbase-ssr/recommended',
	files,
	// typescript-eslint's and ESLint's types describe the same rule objects differently.
	plugins: {
		[namespace]: /** @type {import('eslint').ESLint.Plugin} */ (/** @type {unknown} */ (plugin)),
	},
	languageOptions: {
		parser: tsParser,
		parserOptions: { ecmaFeatures: { jsx: true } },
		sourceType: 'module',
	},
	rules: recommendedRules,
});

export { ruleDocs, rules };
export default plugin;

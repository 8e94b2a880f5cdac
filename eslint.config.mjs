// @ts-check
// ESLint looks for bugs; Prettier alone decides layout. None of the sets below has a formatting
// rule (ESLint's and typescript-eslint's recommended sets dropped them), so nothing here needs
// turning off for Prettier.
import eslint from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	// Build output, caches and generated files (node_modules is always ignored).
	globalIgnores([
		'dist/',
		'.astro/',
		'src/diagrams/rendered/',
		'playground/pb_data/',
		'test-results/',
		'playwright-report/',
		'bench/results/',
		'examples/',
	]),

	// Scripts, tests and Astro frontmatter run in Node.
	{ languageOptions: { globals: globals.nodeBuiltin } },

	eslint.configs.recommended,
	{
		rules: {
			// One import statement per module; a type-only import may stand apart.
			'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
		},
	},

	// Type-aware rules wherever TypeScript checks types: .ts files, and .mjs files through checkJs.
	tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			// Leaving a property out by destructuring the rest is how an object loses a field.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	},
	{
		// TypeScript already reports unknown names in these files (checkJs), and it knows which code
		// runs in the page (Playwright's `page.evaluate`) rather than in Node; no-undef does not.
		// typescript-eslint turns no-undef off for .ts files for the same reason.
		files: ['**/*.mjs'],
		rules: { 'no-undef': 'off' },
	},
	{
		// The ESLint plugin is plain JavaScript typed with typescript-eslint's AST types, which model
		// `node.type` as an enum. At run time it is the ESTree string ('CallExpression'), and plain
		// JavaScript compares it to that string, as the ESTree spec writes it.
		files: ['packages/eslint-plugin-pocketbase-ssr/src/**/*.js'],
		rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
	},
	{
		// Playwright reads a fixture's dependencies from its first parameter, which must be an
		// object pattern even when the fixture needs none: `async ({}, use) => …`.
		files: ['tests/**/*.ts'],
		rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
	},

	// Astro components: frontmatter and template through astro-eslint-parser, and each <script>
	// as a virtual `<file>.astro/<n>.ts` file.
	astro.configs.recommended,
	{
		files: ['**/*.astro'],
		languageOptions: {
			// astro-eslint-parser has no project service; it reads the tsconfig instead.
			parserOptions: { projectService: false, project: true },
		},
		rules: {
			// The linter's TypeScript program lacks Astro's JSX types, so markup in the template
			// (`{items.map((item) => <li>…</li>)}`) has no type, and returning it would count as
			// unsafe. `astro check` type-checks templates with those types.
			// https://ota-meshi.github.io/eslint-plugin-astro/user-guide/#resolving-error-in-jsx-unsafe-return-of-an-any-typed-value
			'@typescript-eslint/no-unsafe-return': 'off',
		},
	},
	{
		// The virtual script files are not part of the TypeScript project: no type information.
		files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
		extends: [tseslint.configs.disableTypeChecked],
	},

	// PocketBase's JavaScript hooks and migrations run in its JSVM, not in Node, and are not part of
	// the TypeScript project. Their globals are declared in the types.d.ts that PocketBase writes
	// into pb_data/ at start; these are the ones the playground uses.
	{
		files: ['playground/**/*.js'],
		extends: [tseslint.configs.disableTypeChecked],
		rules: {
			// `/// <reference path="../pb_data/types.d.ts" />` is how PocketBase gives these files
			// their types; the JSVM has no type imports.
			'@typescript-eslint/triple-slash-reference': 'off',
			// The JSVM loads shared code with CommonJS `require(`${__hooks}/…`)`; it has no ES modules.
			'@typescript-eslint/no-require-imports': 'off',
		},
		languageOptions: {
			sourceType: 'script',
			globals: Object.fromEntries(
				[
					'$apis',
					'$app',
					'$dbx',
					'$os',
					'$security',
					'__hooks',
					'module',
					'require',
					'ApiError',
					'BadRequestError',
					'NotFoundError',
					'DynamicModel',
					'FileField',
					'ForbiddenError',
					'Collection',
					'Middleware',
					'Record',
					'TextField',
					'TooManyRequestsError',
					'cronAdd',
					'migrate',
					'onMailerSend',
					'onRealtimeSubscribeRequest',
					'onRecordCreateRequest',
					'routerAdd',
					'routerUse',
				].map((name) => [name, 'readonly'])
			),
		},
	}
);

// Where a file's code runs, judged from its name and its own text only: the rules must work on one
// pasted file in a browser as well as on a project on disk, so nothing here reads other files.

/** @typedef {import('@typescript-eslint/utils').TSESTree.Program} Program */

const SCRIPT = String.raw`\.[cm]?[jt]sx?$`;

/** SvelteKit: files only the server runs (`+page.server.ts`, `hooks.server.ts`, `x.server.ts`,
 * `+server.ts`, remote functions, anything in a `server` folder under `src/lib`). */
const SVELTEKIT_SERVER = [
	new RegExp(String.raw`\.server${SCRIPT}`),
	new RegExp(String.raw`(^|/)\+server${SCRIPT}`),
	new RegExp(String.raw`\.remote${SCRIPT}`),
	/(^|\/)src\/lib\/(.*\/)?server\//,
];

/** Next.js: route handlers, proxy/middleware, Pages Router API routes, and the App Router's
 * special files, which are server components unless they say 'use client'. */
const NEXT_ROUTE_HANDLER = new RegExp(String.raw`(^|/)app/(.*/)?route${SCRIPT}`);
const NEXT_PROXY = new RegExp(String.raw`(^|/)(src/)?(proxy|middleware)${SCRIPT}`);
const NEXT_PAGES_API = /(^|\/)pages\/api\//;
const NEXT_APP_SPECIAL = new RegExp(
	String.raw`(^|/)app/(.*/)?(page|layout|template|default|not-found|loading|sitemap|robots|opengraph-image|twitter-image|icon|apple-icon|manifest)${SCRIPT}`
);

const SVELTEKIT_ROUTES = /(^|\/)src\/routes\//;

/** SvelteKit universal loads: they run on the server for the first page, then in the browser. */
const SVELTEKIT_UNIVERSAL = new RegExp(String.raw`(^|/)\+(page|layout)${SCRIPT}`);
const SVELTEKIT_CLIENT_HOOKS = new RegExp(String.raw`(^|/)hooks\.client${SCRIPT}`);

/** Modules a client bundle cannot import: importing one marks a file as server code. */
const SERVER_ONLY_IMPORTS = new Set([
	'server-only',
	'next/headers',
	'$env/static/private',
	'$env/dynamic/private',
	'$app/env/private',
	'$app/server',
]);

/** @param {string} filename */
export function normalizePath(filename) {
	return filename.replaceAll('\\', '/');
}

/**
 * The directive prologue of a program or function body: 'use client', 'use server', 'use cache'.
 * @param {readonly import('@typescript-eslint/utils').TSESTree.ProgramStatement[] | readonly import('@typescript-eslint/utils').TSESTree.Statement[]} body
 * @returns {string[]}
 */
export function directives(body) {
	/** @type {string[]} */
	const found = [];
	for (const statement of body) {
		if (
			statement.type !== 'ExpressionStatement' ||
			statement.expression.type !== 'Literal' ||
			typeof statement.expression.value !== 'string'
		) {
			break;
		}
		found.push(statement.expression.value);
	}
	return found;
}

/** @param {Program} program */
function importedModules(program) {
	return program.body.flatMap((statement) =>
		statement.type === 'ImportDeclaration' && statement.importKind !== 'type'
			? [statement.source.value]
			: []
	);
}

/**
 * Whether a `proxy.ts`/`middleware.ts` is Next.js's: it exports the function (`proxy`,
 * `middleware`, or a default). Any folder may hold a helper called proxy.ts.
 * @param {Program} program
 */
function exportsProxy(program) {
	return program.body.some((statement) => {
		if (statement.type === 'ExportDefaultDeclaration') return true;
		if (statement.type !== 'ExportNamedDeclaration') return false;
		const declaration = statement.declaration;
		if (declaration?.type === 'FunctionDeclaration') {
			return ['proxy', 'middleware'].includes(declaration.id?.name ?? '');
		}
		if (declaration?.type === 'VariableDeclaration') {
			return declaration.declarations.some(
				(d) => d.id.type === 'Identifier' && ['proxy', 'middleware'].includes(d.id.name)
			);
		}
		return statement.specifiers.some(
			(s) => s.exported.type === 'Identifier' && ['proxy', 'middleware'].includes(s.exported.name)
		);
	});
}

/**
 * @param {string} filename
 * @param {Program} program
 * @returns {'server' | 'client' | 'universal' | 'unknown'}
 */
export function fileKind(filename, program) {
	const path = normalizePath(filename);
	const prologue = directives(program.body);
	if (prologue.includes('use client')) return 'client';
	if (importedModules(program).includes('client-only')) return 'client';
	if (SVELTEKIT_CLIENT_HOOKS.test(path)) return 'client';
	if (prologue.includes('use server')) return 'server';
	if (SVELTEKIT_SERVER.some((pattern) => pattern.test(path))) return 'server';
	// Next.js's names, outside SvelteKit's routes (where a folder may well be called `app`).
	if (!SVELTEKIT_ROUTES.test(path)) {
		if ([NEXT_ROUTE_HANDLER, NEXT_PAGES_API, NEXT_APP_SPECIAL].some((p) => p.test(path))) {
			return 'server';
		}
		if (NEXT_PROXY.test(path) && exportsProxy(program)) return 'server';
	}
	if (importedModules(program).some((source) => SERVER_ONLY_IMPORTS.has(source))) return 'server';
	if (SVELTEKIT_UNIVERSAL.test(path)) return 'universal';
	return 'unknown';
}

/**
 * The kind of the file a rule is looking at.
 * @param {{ filename: string, sourceCode: { ast: Program } }} context
 */
export function kindOf(context) {
	return fileKind(context.filename, context.sourceCode.ast);
}

/** @param {string} filename */
export function isUniversalLoad(filename) {
	return SVELTEKIT_UNIVERSAL.test(normalizePath(filename));
}

/** The root layout: no layout above it can turn server rendering off. */
const ROOT_LAYOUT = /(^|\/)src\/routes\/\+layout\.[cm]?[jt]s$/;

/**
 * The value this file exports as `ssr`, if it sets one.
 * @param {Program} program
 * @returns {boolean | null}
 */
function ssrSetting(program) {
	for (const statement of program.body) {
		if (
			statement.type !== 'ExportNamedDeclaration' ||
			statement.declaration?.type !== 'VariableDeclaration'
		) {
			continue;
		}
		for (const d of statement.declaration.declarations) {
			if (d.id.type === 'Identifier' && d.id.name === 'ssr' && d.init?.type === 'Literal') {
				return d.init.value === true ? true : d.init.value === false ? false : null;
			}
		}
	}
	return null;
}

/**
 * Whether this load runs on the server. A layout above a page may set `ssr = false` for it, which
 * the page's file does not show: only the root layout, or a file that sets `ssr = true` itself,
 * is known to render on the server.
 * @param {string} filename
 * @param {Program} program
 */
export function rendersOnServer(filename, program) {
	const setting = ssrSetting(program);
	if (setting !== null) return setting;
	return ROOT_LAYOUT.test(normalizePath(filename));
}

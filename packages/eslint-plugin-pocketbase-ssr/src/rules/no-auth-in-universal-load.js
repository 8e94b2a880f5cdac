// A SvelteKit universal load (+page.ts, +layout.ts) also runs on the server for the first page a
// visitor opens. There a module-level client is one instance for every request, with no
// localStorage: asking it who is signed in answers "nobody", or another visitor.

import {
	enclosingFunction,
	isImportBinding,
	isModuleLevel,
	memberName,
	resolve,
	unwrap,
} from '../ast.js';
import { docsMeta } from '../docs.js';
import { isUniversalLoad, normalizePath } from '../file-kind.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Program} Program */

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
function rendersOnServer(filename, program) {
	const setting = ssrSetting(program);
	if (setting !== null) return setting;
	return ROOT_LAYOUT.test(normalizePath(filename));
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'universalAuth', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-auth-in-universal-load'),
		schema: [],
		messages: {
			universalAuth:
				"This universal load also runs on the server, where {{name}} is one client for every request: its authStore holds no sign-in, or another visitor's. Read the visitor in +page.server.ts from locals.pb, or set `export const ssr = false`.",
		},
	},
	defaultOptions: [],
	create(context) {
		const program = context.sourceCode.ast;
		if (!isUniversalLoad(context.filename) || !rendersOnServer(context.filename, program))
			return {};
		return {
			MemberExpression(node) {
				if (memberName(node) !== 'authStore' || enclosingFunction(node) === null) return;
				const client = unwrap(node.object);
				if (client.type !== 'Identifier') return;
				const variable = resolve(context.sourceCode, client);
				if (!variable || !isModuleLevel(variable)) return;
				if (isImportBinding(variable) || variable.defs.some((d) => d.type === 'Variable')) {
					context.report({ node, messageId: 'universalAuth', data: { name: client.name } });
				}
			},
		};
	},
};

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
import { isUniversalLoad, rendersOnServer } from '../file-kind.js';

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

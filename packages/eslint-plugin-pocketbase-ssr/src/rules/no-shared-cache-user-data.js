// A PocketBase answer depends on whose token asked. A cache shared between requests, keyed
// without that token, serves the first visitor's answer to the next: Next.js's 'use cache'
// (not 'use cache: private'), or a module-level Map in server code.

import {
	calleeName,
	calleeObject,
	enclosingFunction,
	isModuleLevel,
	memberName,
	resolve,
	constInitializer,
	unwrap,
	walk,
} from '../ast.js';
import { docsMeta } from '../docs.js';
import { directives, kindOf } from '../file-kind.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESTree.FunctionLike} FunctionLike */

const REQUEST_READERS = new Set(['cookies', 'headers']);
const READ_METHODS = new Set(['getFullList', 'getList', 'getOne', 'getFirstListItem']);
/** A token saved into a client that acts as the server, not as a visitor. */
const SERVER_TOKEN = /superuser|admin/i;
/** A key that names the visitor keeps entries per visitor. */
const PER_VISITOR_KEY = /user|auth|token|session|owner|visitor|account/i;

/**
 * 'use cache' and its variants, but not 'use cache: private'.
 * @param {string[]} prologue
 */
function isSharedCache(prologue) {
	return prologue.some(
		(d) => /^use cache(:|$)/.test(d) && d.replace(/\s/g, '') !== 'usecache:private'
	);
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'requestInSharedCache' | 'authInSharedCache' | 'memoised', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-shared-cache-user-data'),
		schema: [],
		messages: {
			requestInSharedCache:
				"{{name}}() reads the visitor's request inside a shared 'use cache' entry, whose key does not include it. For a visitor's data use 'use cache: private' or no cache.",
			authInSharedCache:
				"This uses the visitor's auth inside a shared 'use cache' entry: its key does not include the token, so one visitor's answer is served to the next. Use 'use cache: private' or no cache.",
			memoised:
				"This stores a visitor's PocketBase answer in a module-level cache shared by every request, under a key that does not name the visitor. Keep per-user answers per request.",
		},
	},
	defaultOptions: [],
	create(context) {
		const kind = kindOf(context);
		if (kind === 'client' || kind === 'universal') return {};
		const sourceCode = context.sourceCode;
		const program = sourceCode.ast;
		const fileCached = isSharedCache(directives(program.body));

		/** @type {Set<string>} */
		const requestReaders = new Set();
		for (const statement of program.body) {
			if (statement.type !== 'ImportDeclaration' || statement.source.value !== 'next/headers')
				continue;
			for (const specifier of statement.specifiers) {
				if (
					specifier.type === 'ImportSpecifier' &&
					specifier.imported.type === 'Identifier' &&
					REQUEST_READERS.has(specifier.imported.name)
				) {
					requestReaders.add(specifier.local.name);
				}
			}
		}

		/** @param {FunctionLike} fn */
		function checkCached(fn) {
			walk(fn.body ?? fn, (node) => {
				if (
					node.type === 'CallExpression' &&
					node.callee.type === 'Identifier' &&
					requestReaders.has(node.callee.name)
				) {
					context.report({
						node,
						messageId: 'requestInSharedCache',
						data: { name: node.callee.name },
					});
				}
				// Who the visitor is: their record, or their token loaded into a client. A superuser
				// client checking its own isValid is the server's state, not a visitor's.
				if (node.type !== 'MemberExpression') return;
				const store = unwrap(node.object);
				if (store.type !== 'MemberExpression' || memberName(store) !== 'authStore') return;
				const property = memberName(node);
				const loads =
					node.parent.type === 'CallExpression' &&
					node.parent.callee === node &&
					(property === 'loadFromCookie' ||
						(property === 'save' && !SERVER_TOKEN.test(sourceCode.getText(node.parent))));
				if (loads || property === 'record' || property === 'model') {
					context.report({ node, messageId: 'authInSharedCache' });
				}
			});
		}

		/**
		 * A client that carries the visitor's token in this function: `locals.pb`, or one loaded
		 * from the cookie here.
		 * @param {Node} client
		 * @param {FunctionLike} fn
		 */
		function isVisitorClient(client, fn) {
			const text = sourceCode.getText(client);
			if (/(^|\.)locals\.pb$/.test(text)) return true;
			let loaded = false;
			walk(fn, (node) => {
				if (node.type !== 'CallExpression' || calleeName(node) !== 'loadFromCookie') return;
				const store = calleeObject(node);
				if (
					store?.type === 'MemberExpression' &&
					sourceCode.getText(unwrap(store.object)) === text
				) {
					loaded = true;
				}
			});
			return loaded;
		}

		/**
		 * Whether the value is a read made with the visitor's token.
		 * @param {Node} node
		 * @param {FunctionLike} fn
		 */
		function isVisitorRead(node, fn) {
			let value = unwrap(node);
			if (value.type === 'Identifier') {
				const variable = resolve(sourceCode, value);
				const init = variable && constInitializer(variable);
				if (!init) return false;
				value = unwrap(init);
			}
			if (value.type !== 'CallExpression' || !READ_METHODS.has(calleeName(value) ?? ''))
				return false;
			const collection = calleeObject(value);
			if (collection?.type !== 'CallExpression' || calleeName(collection) !== 'collection')
				return false;
			const client = calleeObject(collection);
			return client !== null && isVisitorClient(client, fn);
		}

		/**
		 * A module-level cache: `const cache = new Map()` or `= {}` at the top of a server module.
		 * @param {Node} node
		 */
		function isModuleCache(node) {
			const value = unwrap(node);
			if (value.type !== 'Identifier') return false;
			const variable = resolve(sourceCode, value);
			if (!variable || !isModuleLevel(variable)) return false;
			const init = constInitializer(variable);
			if (!init) return false;
			const made = unwrap(init);
			return (
				(made.type === 'NewExpression' &&
					made.callee.type === 'Identifier' &&
					['Map', 'LRUCache', 'LRU'].includes(made.callee.name)) ||
				(made.type === 'ObjectExpression' && made.properties.length === 0)
			);
		}

		return {
			'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(
				/** @type {FunctionLike} */ node
			) {
				const own = node.body?.type === 'BlockStatement' ? directives(node.body.body) : [];
				const exportedFromCachedFile = fileCached && enclosingFunction(node) === null && node.async;
				if (isSharedCache(own) || (exportedFromCachedFile && own.length === 0)) checkCached(node);
			},
			CallExpression(node) {
				if (kind !== 'server' || calleeName(node) !== 'set') return;
				const cache = calleeObject(node);
				const [key, value] = node.arguments;
				const fn = enclosingFunction(node);
				if (!cache || !key || !value || !fn || !isModuleCache(cache)) return;
				if (PER_VISITOR_KEY.test(sourceCode.getText(key))) return;
				if (isVisitorRead(value, fn)) context.report({ node, messageId: 'memoised' });
			},
			AssignmentExpression(node) {
				if (kind !== 'server') return;
				const target = unwrap(node.left);
				const fn = enclosingFunction(node);
				if (target.type !== 'MemberExpression' || !target.computed || !fn) return;
				if (!isModuleCache(target.object)) return;
				if (PER_VISITOR_KEY.test(sourceCode.getText(target.property))) return;
				if (isVisitorRead(node.right, fn)) context.report({ node, messageId: 'memoised' });
			},
		};
	},
};

// loadFromCookie() checks nothing, authStore.isValid reads the token's expiry without checking its
// signature, and authStore.record is whatever the cookie says. Server code that decides from them
// (or from a token it decoded itself) without authRefresh() trusts a forgeable cookie.
//
// Precision: the rule looks at one function at a time. It stays silent when the function calls
// authRefresh(), verifies a token, or hands the client to another function (which may refresh).

import {
	calleeName,
	calleeObject,
	constInitializer,
	enclosingFunction,
	memberName,
	resolve,
	unwrap,
	walk,
} from '../ast.js';
import { docsMeta } from '../docs.js';
import { kindOf } from '../file-kind.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESTree.CallExpression} CallExpression */
/** @typedef {import('@typescript-eslint/utils').TSESTree.FunctionLike} FunctionLike */
/** @typedef {import('@typescript-eslint/utils').TSESLint.SourceCode} SourceCode */

const AUTH_STATE = new Set(['isValid', 'record', 'model', 'isSuperuser', 'isAuthRecord']);
// isTokenExpired reads the same unverified payload: an expiry, not a signature.
const DECODERS = new Set([
	'getTokenPayload',
	'isTokenExpired',
	'jwtDecode',
	'jwt_decode',
	'decodeJwt',
	'decode',
]);
const VERIFIERS = new Set(['authRefresh', 'jwtVerify', 'verify']);
/** Text that shows a value came from the request: a cookie or a header. */
const FROM_REQUEST = /cookie|headers|authorization/i;
const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=', 'in', 'instanceof']);

/**
 * Whether the value at `node` decides something: an `if`/ternary/loop test, a `!`, a comparison,
 * a `&&`/`||` operand, or the app's own idea of the visitor (`locals.user = …`).
 * @param {Node} node
 */
function decides(node) {
	let current = node;
	for (;;) {
		const parent = current.parent;
		if (!parent) return false;
		switch (parent.type) {
			case 'MemberExpression':
				if (parent.object !== current) return false;
				break;
			case 'ChainExpression':
			case 'TSNonNullExpression':
			case 'TSAsExpression':
			case 'AwaitExpression':
				break;
			case 'CallExpression':
				// structuredClone(pb.authStore.record) is still the record
				if (
					parent.callee.type === 'Identifier' &&
					parent.callee.name === 'structuredClone' &&
					parent.arguments[0] === current
				) {
					break;
				}
				return false;
			case 'IfStatement':
			case 'WhileStatement':
			case 'DoWhileStatement':
			case 'ConditionalExpression':
				return 'test' in parent && parent.test === current;
			case 'UnaryExpression':
				return parent.operator === '!';
			case 'LogicalExpression':
				// `isValid && show()` gates a statement; `record ?? null` is still the value.
				if (parent.left === current && parent.parent.type === 'ExpressionStatement') return true;
				break;
			case 'BinaryExpression':
				return COMPARISONS.has(parent.operator);
			case 'AssignmentExpression': {
				if (parent.right !== current) return false;
				const target = unwrap(parent.left);
				return (
					target.type === 'MemberExpression' &&
					(memberName(unwrap(target.object)) === 'locals' ||
						(unwrap(target.object).type === 'Identifier' &&
							/** @type {{ name: string }} */ (unwrap(target.object)).name === 'locals'))
				);
			}
			default:
				return false;
		}
		current = parent;
	}
}

/**
 * The outermost call of a token decode: `getTokenPayload(t)`, `jwtDecode(t)`,
 * `JSON.parse(atob(t.split('.')[1]))`.
 * @param {CallExpression} call
 * @returns {{ token: Node, result: Node } | null}
 */
function decodedToken(call) {
	const name = calleeName(call);
	const token = call.arguments[0];
	if (!token || name === null) return null;
	if (DECODERS.has(name)) {
		// jwt.decode(t) from jsonwebtoken; a bare decode() could be anything.
		if (name === 'decode' && call.callee.type !== 'MemberExpression') return null;
		return { token, result: call };
	}
	if (name === 'atob' && call.callee.type === 'Identifier') {
		const part = unwrap(token);
		if (
			part.type !== 'MemberExpression' ||
			part.property.type !== 'Literal' ||
			part.property.value !== 1
		) {
			return null;
		}
		const split = unwrap(part.object);
		const jwt =
			split.type === 'CallExpression' && calleeName(split) === 'split' ? calleeObject(split) : null;
		if (!jwt) return null;
		const parent = call.parent;
		const parsed =
			parent.type === 'CallExpression' && calleeName(parent) === 'parse' ? parent : call;
		return { token: jwt, result: parsed };
	}
	return null;
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'unverifiedState' | 'decodedToken', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-unverified-auth'),
		schema: [],
		messages: {
			unverifiedState:
				'authStore.{{property}} comes from the cookie, and nothing in this function checked its signature: a forged cookie passes. Call authRefresh() before deciding from the auth state.',
			decodedToken:
				'A token decoded here is not verified: its payload is whatever the cookie says. Decide from the record authRefresh() returns, or let PocketBase check the token.',
		},
	},
	defaultOptions: [],
	create(context) {
		const sourceCode = context.sourceCode;
		if (kindOf(context) !== 'server') return {};

		/**
		 * Whether a token expression came from the request (directly or through a const).
		 * @param {Node} node
		 * @param {Set<string>} loadedClients
		 */
		function fromRequest(node, loadedClients) {
			const value = unwrap(node);
			const text = sourceCode.getText(value);
			if (FROM_REQUEST.test(text)) return true;
			if (value.type === 'MemberExpression' && memberName(value) === 'token') {
				const store = unwrap(value.object);
				if (store.type === 'MemberExpression' && memberName(store) === 'authStore') {
					return loadedClients.has(sourceCode.getText(unwrap(store.object)));
				}
			}
			if (value.type === 'Identifier') {
				const variable = resolve(sourceCode, value);
				const init = variable && constInitializer(variable);
				return init !== null && FROM_REQUEST.test(sourceCode.getText(init));
			}
			return false;
		}

		/** @param {FunctionLike} fn */
		function check(fn) {
			/** @type {CallExpression[]} */
			const calls = [];
			walk(fn, (node) => {
				if (node.type === 'CallExpression') calls.push(node);
			});
			if (calls.some((call) => VERIFIERS.has(calleeName(call) ?? ''))) return;

			// Clients this function loads from the cookie (or a token from the request).
			/** @type {Set<string>} */
			const loadedClients = new Set();
			/** @type {Set<CallExpression>} */
			const loadCalls = new Set();
			for (const call of calls) {
				const name = calleeName(call);
				const store = calleeObject(call);
				if (!store || memberName(store) !== 'authStore' || store.type !== 'MemberExpression')
					continue;
				const fromCookie =
					name === 'loadFromCookie' ||
					(name === 'save' &&
						call.arguments[0] !== undefined &&
						FROM_REQUEST.test(sourceCode.getText(call.arguments[0])));
				if (!fromCookie) continue;
				loadedClients.add(sourceCode.getText(unwrap(store.object)));
				loadCalls.add(call);
			}
			// A client handed to another function may be refreshed there: can't tell, say nothing.
			for (const call of calls) {
				if (loadCalls.has(call)) continue;
				if (call.arguments.some((a) => loadedClients.has(sourceCode.getText(unwrap(a))))) {
					for (const argument of call.arguments)
						loadedClients.delete(sourceCode.getText(unwrap(argument)));
				}
			}

			// The first decision per client is the finding; later ones trust the same cookie.
			/** @type {Map<string, { node: Node, property: string }>} */
			const firstDecision = new Map();
			walk(fn, (node) => {
				if (node.type !== 'MemberExpression') return;
				const property = memberName(node);
				if (property === null || !AUTH_STATE.has(property)) return;
				const store = unwrap(node.object);
				if (store.type !== 'MemberExpression' || memberName(store) !== 'authStore') return;
				const client = sourceCode.getText(unwrap(store.object));
				if (!loadedClients.has(client) || !decides(node)) return;
				const earlier = firstDecision.get(client);
				if (!earlier || earlier.node.range[0] > node.range[0]) {
					firstDecision.set(client, { node, property });
				}
			});
			for (const { node, property } of firstDecision.values()) {
				context.report({ node, messageId: 'unverifiedState', data: { property } });
			}

			for (const call of calls) {
				const decoded = decodedToken(call);
				if (!decoded || !fromRequest(decoded.token, loadedClients)) continue;
				// A token from a client handed elsewhere was excluded above; a cookie read is not.
				const { result } = decoded;
				if (decides(result)) {
					context.report({ node: result, messageId: 'decodedToken' });
					continue;
				}
				// const payload = decode(t); if (payload.role === 'admin') …
				const declarator = result.parent;
				if (declarator?.type !== 'VariableDeclarator' || declarator.init !== result) continue;
				for (const variable of sourceCode.getDeclaredVariables(declarator)) {
					for (const reference of variable.references) {
						if (reference.init) continue;
						if (decides(reference.identifier)) {
							context.report({ node: reference.identifier, messageId: 'decodedToken' });
						}
					}
				}
			}
		}

		return {
			'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(
				/** @type {FunctionLike} */ node
			) {
				// Each outermost function once, with everything nested in it.
				if (enclosingFunction(node) === null) check(node);
			},
		};
	},
};

// A PocketBase client (or auth store) that lives once per module in server code is shared by every
// request the process serves. The exception the guide makes: a process-wide client that acts as
// the server itself (signed in as a superuser, or given a token once at module load).

import {
	calleeName,
	calleeObject,
	enclosingFunction,
	isImportBinding,
	isModuleLevel,
	isNewAuthStore,
	isNewClient,
	memberName,
	resolve,
	sdkImports,
	stringValue,
	unwrap,
	writtenValues,
} from '../ast.js';
import { docsMeta } from '../docs.js';
import { fileKind } from '../file-kind.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESLint.Scope.Variable} Variable */

const SIGN_IN_METHODS = new Set([
	'authWithPassword',
	'authWithOAuth2Code',
	'authWithOTP',
	'authRefresh',
]);
const PUBLIC_ENV_PREFIX = /^(NEXT_PUBLIC_|PUBLIC_|VITE_)/;
/** Names that show a token came from the visitor's request. */
const FROM_REQUEST = /cookie|headers|authorization/i;
/** The name of a token that signs the server in as itself. */
const SERVER_TOKEN = /superuser|admin/i;

/**
 * The names in an expression, joined: enough to tell `env.POCKETBASE_SUPERUSER_TOKEN` from `token`.
 * @param {Node | undefined} node
 * @returns {string}
 */
function sourceText(node) {
	if (!node) return '';
	const value = unwrap(node);
	switch (value.type) {
		case 'Identifier':
			return value.name;
		case 'MemberExpression':
			return `${sourceText(value.object)}.${memberName(value) ?? ''}`;
		case 'LogicalExpression':
			return `${sourceText(value.left)} ${sourceText(value.right)}`;
		case 'CallExpression':
			return `${sourceText(value.callee)}()`;
		default:
			return '';
	}
}

/**
 * `x.collection('_superusers').authWith…()` (or the SDK's older `x.admins.authWith…()`): the
 * client signs in as the server, not as a visitor.
 * @param {import('@typescript-eslint/utils').TSESTree.CallExpression} call
 */
function signsInAsSuperuser(call) {
	const name = calleeName(call);
	if (name === null || !name.startsWith('auth')) return false;
	const target = calleeObject(call);
	if (!target) return false;
	if (memberName(target) === 'admins') return true;
	return (
		target.type === 'CallExpression' &&
		calleeName(target) === 'collection' &&
		stringValue(target.arguments[0]) === '_superusers'
	);
}

/**
 * The client expression a sign-in call acts on: `pb` in `pb.collection('users').authWithPassword()`
 * and in `pb.authStore.loadFromCookie()`.
 * @param {import('@typescript-eslint/utils').TSESTree.CallExpression} call
 * @returns {Node | null}
 */
function signedInClient(call) {
	const name = calleeName(call);
	const target = calleeObject(call);
	if (!name || !target) return null;
	const loadsVisitor =
		name === 'loadFromCookie' ||
		(name === 'save' && FROM_REQUEST.test(sourceText(call.arguments[0])));
	if (loadsVisitor && memberName(target) === 'authStore') {
		return target.type === 'MemberExpression' ? unwrap(target.object) : null;
	}
	if (
		SIGN_IN_METHODS.has(name) &&
		target.type === 'CallExpression' &&
		calleeName(target) === 'collection' &&
		stringValue(target.arguments[0]) !== '_superusers'
	) {
		return calleeObject(target);
	}
	return null;
}

/**
 * Whether this module makes the client act as the server: a superuser sign-in anywhere, or a
 * token saved once while the module loads.
 * @param {Variable} variable
 */
function actsAsServer(variable) {
	for (const reference of variable.references) {
		const member = reference.identifier.parent;
		if (member.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
		// x.collection('_superusers').authWithPassword(…) / x.admins.authWithPassword(…)
		let node = /** @type {Node} */ (member);
		while (
			node.parent &&
			(node.parent.type === 'MemberExpression' || node.parent.type === 'CallExpression')
		) {
			node = node.parent;
			if (node.type === 'CallExpression' && signsInAsSuperuser(node)) return true;
		}
		// x.authStore.save(token) at the top of the module, or of a superuser token anywhere
		const call = member.parent.parent;
		if (
			memberName(member) === 'authStore' &&
			member.parent.type === 'MemberExpression' &&
			memberName(member.parent) === 'save' &&
			call?.type === 'CallExpression' &&
			(enclosingFunction(call) === null || SERVER_TOKEN.test(sourceText(call.arguments[0])))
		) {
			return true;
		}
	}
	return false;
}

/**
 * The client's URL comes from a variable only the server has (`process.env.POCKETBASE_URL`),
 * so the module is server code even where its name does not say so.
 * @param {import('@typescript-eslint/utils').TSESTree.NewExpression} node
 */
function builtFromPrivateEnv(node) {
	const argument = node.arguments[0] && unwrap(node.arguments[0]);
	if (!argument || argument.type !== 'MemberExpression') return false;
	const name = memberName(argument);
	const env = unwrap(argument.object);
	const isProcessEnv =
		env.type === 'MemberExpression' &&
		memberName(env) === 'env' &&
		env.object.type === 'Identifier' &&
		env.object.name === 'process';
	return isProcessEnv && name !== null && !PUBLIC_ENV_PREFIX.test(name);
}

/**
 * @param {Node} node
 */
function inInstanceField(node) {
	/** @type {Node | undefined} */
	let current = node.parent;
	while (current) {
		if (current.type === 'PropertyDefinition') return !current.static;
		current = current.parent;
	}
	return false;
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'sharedClient' | 'sharedAuthStore' | 'signInShared', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-shared-client'),
		schema: [],
		messages: {
			sharedClient:
				'This PocketBase client is created once per module, so every request shares it and its authStore: one visitor signs in, every visitor is that visitor. Create a client per request (hooks.server.ts / locals.pb, or a function called per request).',
			sharedAuthStore:
				'This auth store is created once per module and is shared by every request. Create it per request with the client.',
			signInShared:
				'This signs in a client that lives outside the request ({{name}} is module-level), so the sign-in is every visitor’s. Use a client created for this request.',
		},
	},
	defaultOptions: [],
	create(context) {
		const sourceCode = context.sourceCode;
		const program = sourceCode.ast;
		const kind = fileKind(context.filename, program);
		if (kind === 'client' || kind === 'universal') return {};
		const sdk = sdkImports(program);

		/**
		 * The module-level variable `new PocketBase()` is stored in, if any.
		 * @param {import('@typescript-eslint/utils').TSESTree.NewExpression} node
		 * @returns {{ shared: boolean, variable: Variable | null }}
		 */
		function storage(node) {
			let value = /** @type {Node} */ (node);
			while (
				value.parent &&
				(value.parent.type === 'TSAsExpression' ||
					value.parent.type === 'TSNonNullExpression' ||
					value.parent.type === 'TSSatisfiesExpression')
			) {
				value = value.parent;
			}
			const parent = value.parent;
			const inFunction = enclosingFunction(node) !== null;
			if (parent?.type === 'VariableDeclarator' && parent.init === value) {
				if (inFunction) return { shared: false, variable: null };
				const variable = parent.id.type === 'Identifier' ? resolve(sourceCode, parent.id) : null;
				return { shared: true, variable };
			}
			if (parent?.type === 'ExportDefaultDeclaration') return { shared: true, variable: null };
			if (parent?.type === 'AssignmentExpression' && parent.right === value) {
				const target = unwrap(parent.left);
				if (target.type === 'Identifier') {
					const variable = resolve(sourceCode, target);
					if (variable && isModuleLevel(variable)) return { shared: true, variable };
					return { shared: false, variable: null };
				}
				// globalThis.pb = new PocketBase()
				if (
					target.type === 'MemberExpression' &&
					target.object.type === 'Identifier' &&
					['globalThis', 'global'].includes(target.object.name)
				) {
					return { shared: true, variable: null };
				}
				return { shared: false, variable: null };
			}
			// Created inside a function and returned or passed on: per call. An instance field is per
			// instance, and whoever makes the instance decides how long it lives.
			return { shared: !inFunction && !inInstanceField(node), variable: null };
		}

		return {
			NewExpression(node) {
				if (isNewClient(node, sdk)) {
					if (kind !== 'server' && !builtFromPrivateEnv(node)) return;
					const { shared, variable } = storage(node);
					if (!shared) return;
					if (variable && actsAsServer(variable)) return;
					context.report({ node, messageId: 'sharedClient' });
				} else if (kind === 'server' && isNewAuthStore(node, sdk)) {
					const { shared } = storage(node);
					if (shared) context.report({ node, messageId: 'sharedAuthStore' });
				}
			},
			CallExpression(node) {
				if (kind !== 'server' || enclosingFunction(node) === null) return;
				const client = signedInClient(node);
				if (client?.type !== 'Identifier') return;
				const variable = resolve(sourceCode, client);
				if (!variable || !isModuleLevel(variable)) return;
				// A module-level `new PocketBase()` is already reported where it is created.
				const created = writtenValues(variable).some((value) => {
					const written = unwrap(value);
					return written.type === 'NewExpression' && isNewClient(written, sdk);
				});
				if (created) return;
				if (isImportBinding(variable) || variable.defs.some((def) => def.type === 'Variable')) {
					context.report({ node, messageId: 'signInShared', data: { name: client.name } });
				}
			},
		};
	},
};

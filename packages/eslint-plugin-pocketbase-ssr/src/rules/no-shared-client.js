// A PocketBase client (or auth store) that lives once per module in server code is shared by every
// request the process serves. The exception the guide makes: a process-wide client that acts as
// the server itself (signed in as a superuser, or given a token once at module load).

import {
	calleeName,
	calleeObject,
	enclosingFunction,
	isImportBinding,
	isModuleLevel,
	isNewClient,
	memberName,
	propertyName,
	resolve,
	sdkImports,
	stringValue,
	unwrap,
	writtenValues,
} from '../ast.js';
import { docsMeta } from '../docs.js';
import { kindOf } from '../file-kind.js';
import { FROM_REQUEST, SETTINGS_KEY, findSharedClients, sourceText } from '../shared-clients.js';
import { resolveImport } from '../resolve-import.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESLint.Scope.Variable} Variable */

/**
 * The file's last few path segments, enough to name it in a message.
 * @param {string} file
 */
function shortName(file) {
	return file.replaceAll('\\', '/').split('/').slice(-3).join('/');
}

const SIGN_IN_METHODS = new Set([
	'authWithPassword',
	'authWithOAuth2Code',
	'authWithOTP',
	'authRefresh',
]);
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

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'sharedClient' | 'sharedAuthStore' | 'signInShared' | 'importsShared', []>} */
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
			importsShared:
				'{{name}} is the module-level client {{file}} creates, shared by every request: whoever signed it in last is who this code runs as. Use a client created for this request.',
		},
	},
	defaultOptions: [],
	create(context) {
		const kind = kindOf(context);
		if (kind === 'client' || kind === 'universal') return {};
		const sourceCode = context.sourceCode;
		const program = sourceCode.ast;
		const sdk = sdkImports(program);
		const settings = /** @type {{ sharedClients?: Record<string, string[]> } | undefined} */ (
			context.settings[SETTINGS_KEY]
		);
		const sharedClients = settings?.sharedClients ?? {};
		/** Imported clients already reported where a visitor signs them in. */
		/** @type {Set<Variable>} */
		const signedIn = new Set();

		/**
		 * Imports of a client another module shares (known from a first run over every file), used
		 * inside a function here: at request time.
		 */
		function reportSharedImports() {
			const files = Object.keys(sharedClients);
			if (kind !== 'server' || files.length === 0) return;
			for (const statement of program.body) {
				if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
				const file = resolveImport(statement.source.value, context.filename, files);
				const names = file === null ? undefined : sharedClients[file];
				if (file === null || !names) continue;
				for (const specifier of statement.specifiers) {
					const imported =
						specifier.type === 'ImportDefaultSpecifier'
							? 'default'
							: specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type'
								? propertyName(specifier.imported)
								: null;
					if (imported === null || !names.includes(imported)) continue;
					const variable = sourceCode.getDeclaredVariables(specifier)[0];
					if (!variable || signedIn.has(variable)) continue;
					if (variable.references.some((r) => enclosingFunction(r.identifier) !== null)) {
						context.report({
							node: specifier,
							messageId: 'importsShared',
							data: { name: specifier.local.name, file: shortName(file) },
						});
					}
				}
			}
		}

		return {
			Program() {
				for (const shared of findSharedClients(sourceCode, context.filename)) {
					context.report({
						node: shared.node,
						messageId: shared.kind === 'client' ? 'sharedClient' : 'sharedAuthStore',
					});
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
					signedIn.add(variable);
					context.report({ node, messageId: 'signInShared', data: { name: client.name } });
				}
			},
			'Program:exit': reportSharedImports,
		};
	},
};

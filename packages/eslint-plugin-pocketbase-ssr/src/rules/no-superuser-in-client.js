// A superuser ignores every API rule. Its credentials belong to server-only code: a variable the
// framework ships to the browser (PUBLIC_, NEXT_PUBLIC_, VITE_) or a superuser sign-in in code
// that runs in the browser hands them to every visitor.

import { calleeName, calleeObject, memberName, propertyName, stringValue, unwrap } from '../ast.js';
import { docsMeta } from '../docs.js';
import { kindOf } from '../file-kind.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */

const PUBLIC_PREFIX = /^(NEXT_PUBLIC_|PUBLIC_|VITE_)/;
const SUPERUSER_WORDS = new Set(['ADMIN', 'SUPERUSER', 'SUPERADMIN', 'ROOT']);
const SECRET_WORDS = new Set([
	'PASSWORD',
	'PASS',
	'PWD',
	'TOKEN',
	'SECRET',
	'KEY',
	'APIKEY',
	'CREDENTIALS',
]);
const PUBLIC_ENV_MODULES = new Set([
	'$env/static/public',
	'$env/dynamic/public',
	'$app/env/public',
]);

/**
 * Whether a variable name is public to the browser and names a superuser secret:
 * PUBLIC_PB_ADMIN_PASSWORD, NEXT_PUBLIC_SUPERUSER_TOKEN.
 * @param {string} name
 */
export function isPublicSuperuserSecret(name) {
	const prefix = PUBLIC_PREFIX.exec(name);
	if (!prefix) return false;
	const words = name.slice(prefix[0].length).toUpperCase().split('_');
	return words.some((w) => SUPERUSER_WORDS.has(w)) && words.some((w) => SECRET_WORDS.has(w));
}

/**
 * `process.env` or `import.meta.env`.
 * @param {Node} node
 */
function isEnvObject(node) {
	const value = unwrap(node);
	if (value.type !== 'MemberExpression' || memberName(value) !== 'env') return false;
	const owner = unwrap(value.object);
	return (
		(owner.type === 'Identifier' && owner.name === 'process') ||
		(owner.type === 'MetaProperty' && owner.meta.name === 'import')
	);
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'publicSecret' | 'superuserInBrowser', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-superuser-in-client'),
		schema: [],
		messages: {
			publicSecret:
				'{{name}} is a superuser credential in a variable the framework ships to the browser: every visitor can read it. Give it a private name and use it only in server code.',
			superuserInBrowser:
				'A superuser sign-in in code that runs in the browser puts the superuser credentials in every visitor’s bundle. Move it to server-only code.',
		},
	},
	defaultOptions: [],
	create(context) {
		const kind = kindOf(context);
		/** Names bound to `env` from $env/dynamic/public. */
		/** @type {Set<string>} */
		const publicEnvObjects = new Set();
		return {
			ImportDeclaration(node) {
				if (!PUBLIC_ENV_MODULES.has(node.source.value)) return;
				for (const specifier of node.specifiers) {
					if (specifier.type !== 'ImportSpecifier') continue;
					const name = propertyName(specifier.imported);
					if (name === 'env') publicEnvObjects.add(specifier.local.name);
					else if (name && isPublicSuperuserSecret(name)) {
						context.report({ node: specifier, messageId: 'publicSecret', data: { name } });
					}
				}
			},
			MemberExpression(node) {
				const name = memberName(node);
				if (!name || !isPublicSuperuserSecret(name)) return;
				const owner = unwrap(node.object);
				const fromPublicEnv =
					isEnvObject(owner) || (owner.type === 'Identifier' && publicEnvObjects.has(owner.name));
				if (fromPublicEnv) context.report({ node, messageId: 'publicSecret', data: { name } });
			},
			// SvelteKit 3's src/env.ts: defineEnvVars({ PUBLIC_ADMIN_PASSWORD: { public: true } })
			Property(node) {
				const name = propertyName(node.key);
				if (!name || !isPublicSuperuserSecret(name) || node.value.type !== 'ObjectExpression')
					return;
				const declaresPublic = node.value.properties.some(
					(p) =>
						p.type === 'Property' &&
						propertyName(p.key) === 'public' &&
						p.value.type === 'Literal' &&
						p.value.value === true
				);
				if (declaresPublic)
					context.report({ node: node.key, messageId: 'publicSecret', data: { name } });
			},
			CallExpression(node) {
				if (kind !== 'client' && kind !== 'universal') return;
				const name = calleeName(node);
				if (name === null || !name.startsWith('authWith')) return;
				const target = calleeObject(node);
				if (!target) return;
				const superuser =
					memberName(target) === 'admins' ||
					(target.type === 'CallExpression' &&
						calleeName(target) === 'collection' &&
						stringValue(target.arguments[0]) === '_superusers');
				if (superuser) context.report({ node, messageId: 'superuserInBrowser' });
			},
		};
	},
};

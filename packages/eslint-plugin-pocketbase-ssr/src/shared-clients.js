// Which PocketBase clients a module creates once and shares with every request, and under which
// names it exports them. no-shared-client reports them; the command line (and the /check/ page)
// collects the exported ones from every file first, so that a file importing one is reported too.

import {
	calleeName,
	calleeObject,
	enclosingFunction,
	isModuleLevel,
	isNewAuthStore,
	isNewClient,
	memberName,
	propertyName,
	resolve,
	sdkImports,
	stringValue,
	unwrap,
	walk,
} from './ast.js';
import { fileKind } from './file-kind.js';
import { resolveImport } from './resolve-import.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESTree.NewExpression} NewExpression */
/** @typedef {import('@typescript-eslint/utils').TSESLint.Scope.Variable} Variable */
/** @typedef {import('@typescript-eslint/utils').TSESLint.SourceCode} SourceCode */

const PUBLIC_ENV_PREFIX = /^(NEXT_PUBLIC_|PUBLIC_|VITE_)/;
/** Names that show a token came from the visitor's request. */
export const FROM_REQUEST = /cookie|headers|authorization/i;
/** The name of a token that signs the server in as itself. */
const SERVER_TOKEN = /superuser|admin/i;

/**
 * The names in an expression, joined: enough to tell `env.POCKETBASE_SUPERUSER_TOKEN` from `token`.
 * @param {Node | undefined} node
 * @returns {string}
 */
export function sourceText(node) {
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

/**
 * The module-level variable `new PocketBase()` is stored in, if any.
 * @param {SourceCode} sourceCode
 * @param {NewExpression} node
 * @returns {{ shared: boolean, variable: Variable | null, exportedDefault: boolean }}
 */
function storage(sourceCode, node) {
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
	const notShared = { shared: false, variable: null, exportedDefault: false };
	if (parent?.type === 'VariableDeclarator' && parent.init === value) {
		if (inFunction) return notShared;
		const variable = parent.id.type === 'Identifier' ? resolve(sourceCode, parent.id) : null;
		return { shared: true, variable, exportedDefault: false };
	}
	if (parent?.type === 'ExportDefaultDeclaration') {
		return { shared: true, variable: null, exportedDefault: true };
	}
	if (parent?.type === 'AssignmentExpression' && parent.right === value) {
		const target = unwrap(parent.left);
		if (target.type === 'Identifier') {
			const variable = resolve(sourceCode, target);
			if (variable && isModuleLevel(variable)) {
				return { shared: true, variable, exportedDefault: false };
			}
			return notShared;
		}
		// globalThis.pb = new PocketBase()
		if (
			target.type === 'MemberExpression' &&
			target.object.type === 'Identifier' &&
			['globalThis', 'global'].includes(target.object.name)
		) {
			return { shared: true, variable: null, exportedDefault: false };
		}
		return notShared;
	}
	// Created inside a function and returned or passed on: per call. An instance field is per
	// instance, and whoever makes the instance decides how long it lives.
	return { shared: !inFunction && !inInstanceField(node), variable: null, exportedDefault: false };
}

/**
 * The names a module exports a variable under: `export const pb`, `export { pb as client }`,
 * `export default pb`.
 * @param {Variable} variable
 * @returns {string[]}
 */
function exportedNames(variable) {
	/** @type {string[]} */
	const names = [];
	for (const def of variable.defs) {
		if (def.type === 'Variable' && def.parent.parent?.type === 'ExportNamedDeclaration') {
			names.push(variable.name);
		}
	}
	for (const reference of variable.references) {
		const parent = reference.identifier.parent;
		if (parent.type === 'ExportSpecifier' && parent.local === reference.identifier) {
			const name = propertyName(parent.exported);
			if (name !== null) names.push(name);
		}
		if (parent.type === 'ExportDefaultDeclaration') names.push('default');
	}
	return names;
}

/**
 * @typedef {object} SharedClient
 * @property {NewExpression} node Where the client (or auth store) is created.
 * @property {'client' | 'authStore'} kind
 * @property {string[]} exportedAs The names other modules import it by.
 */

/**
 * The clients and auth stores this file creates once and shares with every request.
 * @param {SourceCode} sourceCode
 * @param {string} filename
 * @returns {SharedClient[]}
 */
export function findSharedClients(sourceCode, filename) {
	const program = sourceCode.ast;
	const kind = fileKind(filename, program);
	if (kind === 'client' || kind === 'universal') return [];
	const sdk = sdkImports(program);
	/** @type {SharedClient[]} */
	const found = [];
	walk(program, (node) => {
		if (node.type !== 'NewExpression') return;
		if (isNewClient(node, sdk)) {
			if (kind !== 'server' && !builtFromPrivateEnv(node)) return;
			const { shared, variable, exportedDefault } = storage(sourceCode, node);
			if (!shared || (variable && actsAsServer(variable))) return;
			const exportedAs = exportedDefault ? ['default'] : variable ? exportedNames(variable) : [];
			found.push({ node, kind: 'client', exportedAs });
		} else if (kind === 'server' && isNewAuthStore(node, sdk)) {
			const { shared, variable } = storage(sourceCode, node);
			if (shared)
				found.push({
					node,
					kind: 'authStore',
					exportedAs: variable ? exportedNames(variable) : [],
				});
		}
	});
	return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** The setting that tells no-shared-client which modules export a shared client. */
export const SETTINGS_KEY = 'pocketbase-ssr';

/**
 * @typedef {Record<string, string[]>} SharedClientExports A file name → the names it exports a
 *   shared client under ('default' for the default export).
 */

/**
 * A rule that reports nothing and records each file's exported shared clients: run it over every
 * file (ESLint, or ESLint's Linter in a browser), alongside the real rules or before them; then
 * run the real rules again with `settings()` over the `importers()`.
 */
export function createSharedClientCollector() {
	/** @type {SharedClientExports} */
	const created = {};
	/** @type {Record<string, Reexport[]>} */
	const reexports = {};
	/** @type {string[]} */
	const seen = [];
	/** @type {Record<string, string[]>} */
	const imports = {};
	/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<never, []>} */
	const collect = {
		meta: { type: 'problem', schema: [], messages: {} },
		defaultOptions: [],
		create(context) {
			return {
				Program(program) {
					seen.push(context.filename);
					const names = findSharedClients(context.sourceCode, context.filename)
						.filter((shared) => shared.kind === 'client')
						.flatMap((shared) => shared.exportedAs);
					if (names.length > 0) created[context.filename] = names;
					const passedOn = reexportsOf(program);
					if (passedOn.length > 0) reexports[context.filename] = passedOn;
					imports[context.filename] = program.body.flatMap((statement) =>
						statement.type === 'ImportDeclaration' && statement.importKind !== 'type'
							? [statement.source.value]
							: []
					);
				},
			};
		},
	};

	/** The creating modules, plus every module that passes one of their clients on. */
	function sharedClients() {
		/** @type {SharedClientExports} */
		const shared = Object.fromEntries(Object.entries(created).map(([f, n]) => [f, [...n]]));
		for (let changed = true; changed;) {
			changed = false;
			for (const [file, entries] of Object.entries(reexports)) {
				for (const { from, imported, exported } of entries) {
					const target = resolveImport(from, file, seen);
					const names = target === null ? undefined : shared[target];
					if (!names) continue;
					const passed = imported === '*' ? names : names.includes(imported) ? [exported] : [];
					for (const name of passed) {
						const list = (shared[file] ??= []);
						if (!list.includes(name)) {
							list.push(name);
							changed = true;
						}
					}
				}
			}
		}
		return shared;
	}

	/**
	 * The files that import from a module passing on a shared client: the only ones a run with
	 * `settings()` can report differently from a run without.
	 */
	function importers() {
		const files = Object.keys(sharedClients());
		return Object.entries(imports)
			.filter(([file, specifiers]) =>
				specifiers.some((specifier) => resolveImport(specifier, file, files) !== null)
			)
			.map(([file]) => file);
	}

	return {
		plugin: { rules: { collect } },
		/** The rules entry for a config that registers `plugin` as `pocketbase-ssr-collect`. */
		rules: { 'pocketbase-ssr-collect/collect': /** @type {const} */ ('error') },
		sharedClients,
		importers,
		/** The `settings` for the second run. */
		settings: () => ({ [SETTINGS_KEY]: { sharedClients: sharedClients() } }),
	};
}

/**
 * @typedef {object} Reexport A name a module passes on from another module.
 * @property {string} from The specifier it imports from.
 * @property {string} imported The name there ('*' for `export * from`).
 * @property {string} exported The name here.
 */

/**
 * `export { pb } from './pocketbase'`, `export * from './pocketbase'`, and
 * `import { pb } from './pocketbase'; export { pb as client }`.
 * @param {import('@typescript-eslint/utils').TSESTree.Program} program
 * @returns {Reexport[]}
 */
function reexportsOf(program) {
	/** @type {Map<string, { from: string, imported: string }>} */
	const imports = new Map();
	for (const statement of program.body) {
		if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
		for (const specifier of statement.specifiers) {
			const imported =
				specifier.type === 'ImportDefaultSpecifier'
					? 'default'
					: specifier.type === 'ImportSpecifier'
						? propertyName(specifier.imported)
						: null;
			if (imported !== null) {
				imports.set(specifier.local.name, { from: statement.source.value, imported });
			}
		}
	}
	/** @type {Reexport[]} */
	const found = [];
	for (const statement of program.body) {
		if (statement.type === 'ExportAllDeclaration' && statement.exported === null) {
			found.push({ from: statement.source.value, imported: '*', exported: '*' });
		}
		if (statement.type !== 'ExportNamedDeclaration' || statement.exportKind === 'type') continue;
		for (const specifier of statement.specifiers) {
			const local = propertyName(specifier.local);
			const exported = propertyName(specifier.exported);
			if (local === null || exported === null) continue;
			if (statement.source) {
				found.push({ from: statement.source.value, imported: local, exported });
			} else {
				const imported = imports.get(local);
				if (imported) found.push({ ...imported, exported });
			}
		}
	}
	return found;
}

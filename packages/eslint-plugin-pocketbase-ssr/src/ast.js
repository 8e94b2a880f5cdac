// Small AST helpers the rules share. They look at one file: what it imports from the SDK, which
// names are module-level, what a value was assigned from.

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESTree.Expression} Expression */
/** @typedef {import('@typescript-eslint/utils').TSESTree.Program} Program */
/** @typedef {import('@typescript-eslint/utils').TSESLint.Scope.Variable} Variable */
/** @typedef {import('@typescript-eslint/utils').TSESLint.SourceCode} SourceCode */

const SDK_MODULES = new Set(['pocketbase', 'pocketbase/cjs', 'pocketbase/dist/pocketbase.es.mjs']);
const AUTH_STORE_CLASSES = new Set(['BaseAuthStore', 'LocalAuthStore', 'AsyncAuthStore']);

/**
 * The local names this file gives the SDK's exports, type-only imports left out (a type is not a
 * client): `import PB from 'pocketbase'`, `import { default as PB }`, `import * as sdk`.
 * @param {Program} program
 */
export function sdkImports(program) {
	/** @type {Set<string>} */
	const clientClasses = new Set();
	/** @type {Set<string>} */
	const namespaces = new Set();
	/** @type {Set<string>} */
	const authStoreClasses = new Set();
	for (const statement of program.body) {
		if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
		if (!SDK_MODULES.has(statement.source.value)) continue;
		for (const specifier of statement.specifiers) {
			if (specifier.type === 'ImportDefaultSpecifier') clientClasses.add(specifier.local.name);
			if (specifier.type === 'ImportNamespaceSpecifier') namespaces.add(specifier.local.name);
			if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type') {
				const imported = propertyName(specifier.imported);
				if (imported === 'default') clientClasses.add(specifier.local.name);
				if (imported !== null && AUTH_STORE_CLASSES.has(imported)) {
					authStoreClasses.add(specifier.local.name);
				}
			}
		}
	}
	// `const PocketBase = require('pocketbase')` in CommonJS files.
	for (const statement of program.body) {
		if (statement.type !== 'VariableDeclaration') continue;
		for (const declarator of statement.declarations) {
			const init = declarator.init && unwrap(declarator.init);
			if (
				declarator.id.type === 'Identifier' &&
				init?.type === 'CallExpression' &&
				init.callee.type === 'Identifier' &&
				init.callee.name === 'require' &&
				init.arguments[0]?.type === 'Literal' &&
				typeof init.arguments[0].value === 'string' &&
				SDK_MODULES.has(init.arguments[0].value)
			) {
				clientClasses.add(declarator.id.name);
			}
		}
	}
	return { clientClasses, namespaces, authStoreClasses };
}

/**
 * Whether `new X(...)` makes a PocketBase client.
 * @param {import('@typescript-eslint/utils').TSESTree.NewExpression} node
 * @param {ReturnType<typeof sdkImports>} sdk
 */
export function isNewClient(node, sdk) {
	const callee = node.callee;
	if (callee.type === 'Identifier') return sdk.clientClasses.has(callee.name);
	return (
		callee.type === 'MemberExpression' &&
		callee.object.type === 'Identifier' &&
		sdk.namespaces.has(callee.object.name) &&
		propertyName(callee.property) === 'default'
	);
}

/**
 * @param {import('@typescript-eslint/utils').TSESTree.NewExpression} node
 * @param {ReturnType<typeof sdkImports>} sdk
 */
export function isNewAuthStore(node, sdk) {
	const callee = node.callee;
	if (callee.type === 'Identifier') return sdk.authStoreClasses.has(callee.name);
	const name =
		callee.type === 'MemberExpression' &&
		callee.object.type === 'Identifier' &&
		sdk.namespaces.has(callee.object.name)
			? propertyName(callee.property)
			: null;
	return name !== null && AUTH_STORE_CLASSES.has(name);
}

/**
 * The name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`.
 * @param {Node} node
 * @returns {string | null}
 */
export function propertyName(node) {
	if (node.type === 'Identifier') return node.name;
	if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
	if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
		return node.quasis[0]?.value.cooked ?? null;
	}
	return null;
}

/**
 * The property name of a member expression, when it is written out (`a.b`, `a['b']`).
 * @param {Node} node
 */
export function memberName(node) {
	if (node.type !== 'MemberExpression') return null;
	if (node.computed && node.property.type === 'Identifier') return null;
	return propertyName(node.property);
}

/**
 * The value under type assertions, non-null assertions, parentheses-free wrappers and `await`.
 * @param {Node} node
 * @returns {Node}
 */
export function unwrap(node) {
	let current = node;
	for (;;) {
		if (
			current.type === 'TSAsExpression' ||
			current.type === 'TSNonNullExpression' ||
			current.type === 'TSSatisfiesExpression' ||
			current.type === 'TSTypeAssertion'
		) {
			current = current.expression;
		} else if (current.type === 'ChainExpression') {
			current = current.expression;
		} else if (current.type === 'AwaitExpression') {
			current = current.argument;
		} else {
			return current;
		}
	}
}

/**
 * The nearest ancestor that is still the same value: up through assertions, optional chains and
 * `await`.
 * @param {Node} node
 * @returns {Node}
 */
export function outermostSameValue(node) {
	let current = node;
	while (
		current.parent &&
		(current.parent.type === 'TSAsExpression' ||
			current.parent.type === 'TSNonNullExpression' ||
			current.parent.type === 'TSSatisfiesExpression' ||
			current.parent.type === 'ChainExpression' ||
			current.parent.type === 'AwaitExpression')
	) {
		current = current.parent;
	}
	return current;
}

/**
 * The call's method name: `a.b.c()` → 'c'; `c()` → 'c'.
 * @param {import('@typescript-eslint/utils').TSESTree.CallExpression} call
 */
export function calleeName(call) {
	const callee = unwrap(call.callee);
	if (callee.type === 'Identifier') return callee.name;
	return memberName(callee);
}

/**
 * The object a method is called on: `a.b.c()` → `a.b`.
 * @param {import('@typescript-eslint/utils').TSESTree.CallExpression} call
 * @returns {Node | null}
 */
export function calleeObject(call) {
	const callee = unwrap(call.callee);
	return callee.type === 'MemberExpression' ? unwrap(callee.object) : null;
}

/**
 * Whether the node sits inside any function (so it runs per call, not once per module load).
 * @param {Node} node
 */
export function enclosingFunction(node) {
	/** @type {Node | undefined} */
	let current = node.parent;
	while (current) {
		if (
			current.type === 'FunctionDeclaration' ||
			current.type === 'FunctionExpression' ||
			current.type === 'ArrowFunctionExpression'
		) {
			return current;
		}
		current = current.parent;
	}
	return null;
}

/**
 * The variable an identifier refers to, if the file declares it.
 * @param {SourceCode} sourceCode
 * @param {import('@typescript-eslint/utils').TSESTree.Identifier} identifier
 * @returns {Variable | null}
 */
export function resolve(sourceCode, identifier) {
	/** @type {import('@typescript-eslint/utils').TSESLint.Scope.Scope | null} */
	let scope = sourceCode.getScope(identifier);
	while (scope) {
		const variable = scope.set.get(identifier.name);
		if (variable) return variable;
		scope = scope.upper;
	}
	return null;
}

/**
 * Whether a variable lives once per module: declared at the top of the module, or imported.
 * @param {Variable} variable
 */
export function isModuleLevel(variable) {
	return variable.scope.type === 'module' || variable.scope.type === 'global';
}

/**
 * @param {Variable} variable
 */
export function isImportBinding(variable) {
	return variable.defs.some(
		(def) =>
			def.type === 'ImportBinding' &&
			def.parent.type === 'ImportDeclaration' &&
			def.parent.importKind !== 'type'
	);
}

/**
 * @param {Variable} variable
 */
export function isParameter(variable) {
	return variable.defs.some((def) => def.type === 'Parameter');
}

/**
 * The expressions written into a variable: its initializer and every assignment.
 * @param {Variable} variable
 * @returns {Node[]}
 */
export function writtenValues(variable) {
	/** @type {Node[]} */
	const values = [];
	for (const reference of variable.references) {
		if (reference.writeExpr) values.push(reference.writeExpr);
	}
	return values;
}

/**
 * The single value a `const` was initialised with (`const x = …`), else null.
 * @param {Variable} variable
 * @returns {Node | null}
 */
export function constInitializer(variable) {
	const def = variable.defs[0];
	if (
		variable.defs.length !== 1 ||
		!def ||
		def.type !== 'Variable' ||
		def.parent.kind !== 'const' ||
		def.node.id.type !== 'Identifier' ||
		!def.node.init
	) {
		return null;
	}
	return def.node.init;
}

/**
 * Every node below `root`, depth first.
 * @param {Node} root
 * @param {(node: Node) => void} visit
 */
export function walk(root, visit) {
	/** @type {Node[]} */
	const stack = [root];
	while (stack.length > 0) {
		const node = /** @type {Node} */ (stack.pop());
		visit(node);
		for (const [key, value] of Object.entries(node)) {
			// The program's token and comment lists are not part of the tree.
			if (key === 'parent' || key === 'tokens' || key === 'comments') continue;
			if (Array.isArray(value)) {
				for (const item of /** @type {unknown[]} */ (value)) {
					if (isNode(item)) stack.push(item);
				}
			} else if (isNode(value)) {
				stack.push(value);
			}
		}
	}
}

/**
 * @param {unknown} value
 * @returns {value is Node}
 */
function isNode(value) {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (/** @type {{ type?: unknown }} */ (value).type) === 'string'
	);
}

/**
 * A string literal's value, or null.
 * @param {Node | undefined} node
 */
export function stringValue(node) {
	if (!node) return null;
	if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
	if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
		return node.quasis[0]?.value.cooked ?? null;
	}
	return null;
}

// Whether a value is text the visitor controls, traced inside one file: route and query
// parameters, form fields, request bodies, cookies and headers, and the arguments of a server
// action or remote function. Anything it cannot trace (a record from PocketBase, `locals.user`, a
// constant, a helper's result, a parameter nothing in the file passes input to) is not input:
// precision first.

import { calleeName, calleeObject, memberName, resolve, unwrap, writtenValues } from './ast.js';
import { directives, normalizePath } from './file-kind.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESLint.SourceCode} SourceCode */
/** @typedef {import('@typescript-eslint/utils').TSESLint.Scope.Variable} Variable */

/** Names of a request event's parts the visitor writes (SvelteKit's event, Next.js's props). */
const INPUT_PARTS = new Set(['params', 'searchParams', 'url', 'request', 'cookies']);
/** The same, in a handler's event or props: also Pages Router's `context.query`/`context.req`. */
const HANDLER_PARTS = new Set([...INPUT_PARTS, 'query', 'req']);
/** Methods that hand back (part of) the visitor's text: `url.searchParams.get('q')`,
 * `await request.formData()`, `slug.trim()`. */
const INPUT_METHODS = new Set([
	'get',
	'getAll',
	'json',
	'formData',
	'text',
	'trim',
	'trimStart',
	'trimEnd',
	'toLowerCase',
	'toUpperCase',
	'toLocaleLowerCase',
	'toLocaleUpperCase',
	'toString',
	'normalize',
	'slice',
	'substring',
	'at',
	'join',
	'split',
	'valueOf',
]);
/** Functions that return their argument's text: `String(id)`, `Object.fromEntries(formData)`. */
const INPUT_FUNCTIONS = new Set(['String', 'decodeURIComponent', 'decodeURI', 'fromEntries']);
/** `new URL(request.url)`: the visitor's URL, parsed. */
const URL_CLASSES = new Set(['URL', 'URLSearchParams']);
/** Array methods whose callback receives the array's items. */
const ITEM_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every', 'find']);
/** Next.js's request APIs from `next/headers`. */
const NEXT_REQUEST_APIS = new Set(['cookies', 'headers']);
/** SvelteKit's remote functions (`*.remote.ts`): the callback's argument comes from the visitor. */
const REMOTE_FUNCTIONS = new Set(['query', 'command', 'form', 'prerender', 'batch']);
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** Exported request handlers whose first argument is the request event (SvelteKit) or props. */
const EVENT_HANDLERS = new Set([
	...HTTP_METHODS,
	'fallback',
	'load',
	'handle',
	'generateMetadata',
	'getServerSideProps',
]);

const MAX_DEPTH = 8;

/**
 * @param {Node} node
 * @returns {node is import('@typescript-eslint/utils').TSESTree.FunctionDeclaration | import('@typescript-eslint/utils').TSESTree.FunctionExpression | import('@typescript-eslint/utils').TSESTree.ArrowFunctionExpression}
 */
function isFunction(node) {
	return (
		node.type === 'FunctionDeclaration' ||
		node.type === 'FunctionExpression' ||
		node.type === 'ArrowFunctionExpression'
	);
}

/**
 * The name a function is exported under, if it is: `export function GET`, `export const load =`,
 * `export default function`. Null when it is not exported by its declaration.
 * @param {Node} fn
 * @returns {string | null}
 */
function exportedName(fn) {
	const parent = fn.parent;
	if (!parent) return null;
	if (parent.type === 'ExportDefaultDeclaration') return 'default';
	if (fn.type === 'FunctionDeclaration' && parent.type === 'ExportNamedDeclaration') {
		return fn.id?.name ?? null;
	}
	// export const load = async () => …, possibly under `satisfies` or `as`.
	/** @type {Node} */
	let current = parent;
	while (
		current.type === 'TSAsExpression' ||
		current.type === 'TSSatisfiesExpression' ||
		current.type === 'CallExpression'
	) {
		if (!current.parent) return null;
		current = current.parent;
	}
	if (
		current.type === 'VariableDeclarator' &&
		current.id.type === 'Identifier' &&
		current.parent?.parent?.type === 'ExportNamedDeclaration'
	) {
		return current.id.name;
	}
	return null;
}

/**
 * Whether a function is a form action: a property of `export const actions = { … }`.
 * @param {Node} fn
 */
function isFormAction(fn) {
	const property = fn.parent;
	if (property?.type !== 'Property' || property.value !== fn) return false;
	/** @type {Node | undefined} */
	let object = property.parent;
	while (object?.parent && object.parent.type !== 'VariableDeclarator') {
		if (!['TSAsExpression', 'TSSatisfiesExpression'].includes(object.parent.type)) return false;
		object = object.parent;
	}
	const declarator = object?.parent;
	return (
		declarator?.type === 'VariableDeclarator' &&
		declarator.id.type === 'Identifier' &&
		declarator.id.name === 'actions'
	);
}

/**
 * Whether a function is a server action: its body says 'use server', or the file does and exports
 * it.
 * @param {Node} fn
 * @param {Node} program
 */
function isServerAction(fn, program) {
	if (!isFunction(fn)) return false;
	if (fn.body.type === 'BlockStatement' && directives(fn.body.body).includes('use server')) {
		return true;
	}
	return (
		program.type === 'Program' &&
		directives(program.body).includes('use server') &&
		exportedName(fn) !== null
	);
}

/**
 * Whether a function is a remote function's callback: `query(schema, async (arg) => …)` in a
 * `*.remote.ts` file.
 * @param {Node} fn
 * @param {string} path
 */
function isRemoteCallback(fn, path) {
	const call = fn.parent;
	if (!/\.remote\.[cm]?[jt]s$/.test(path)) return false;
	if (call?.type !== 'CallExpression' || !call.arguments.includes(/** @type {never} */ (fn))) {
		return false;
	}
	const name = calleeName(call);
	return name !== null && REMOTE_FUNCTIONS.has(name);
}

/** Next.js route handlers and Pages Router API routes: the first argument is the request. */
function isNextRequestHandlerFile(/** @type {string} */ path) {
	return (
		(/(^|\/)app\/(.*\/)?route\.[cm]?[jt]sx?$/.test(path) && !/(^|\/)src\/routes\//.test(path)) ||
		/(^|\/)pages\/api\//.test(path)
	);
}

/**
 * What a parameter holds, from the function it belongs to: all of it is input (`'all'`), the input
 * parts of an event or props are (`'parts'`), or nothing the rule can tell (`null`).
 * @param {Node} fn
 * @param {number} index
 * @param {string} path
 * @param {Node} program
 * @returns {'all' | 'parts' | null}
 */
function parameterInput(fn, index, path, program) {
	if (isServerAction(fn, program) || isRemoteCallback(fn, path)) return 'all';
	const name = exportedName(fn);
	if (
		isNextRequestHandlerFile(path) &&
		name !== null &&
		(HTTP_METHODS.has(name) || name === 'default')
	) {
		return index === 0 ? 'all' : 'parts';
	}
	if (index === 0 && (isFormAction(fn) || (name !== null && EVENT_HANDLERS.has(name)))) {
		return 'parts';
	}
	if (index === 0 && name === 'default' && !/(^|\/)src\/routes\//.test(path)) return 'parts';
	return null;
}

/**
 * Where a parameter binding sits: the function, the parameter's index, and the key it was
 * destructured under at the top level (`({ params }) =>` → 'params'), if any.
 * @param {Variable} variable
 */
function parameterSite(variable) {
	const def = variable.defs.find((d) => d.type === 'Parameter');
	if (!def || !isFunction(def.node)) return null;
	const fn = def.node;
	const name = def.name;
	const index = fn.params.findIndex(
		(p) => p.range[0] <= name.range[0] && name.range[1] <= p.range[1]
	);
	if (index < 0) return null;
	let param = /** @type {Node} */ (fn.params[index]);
	if (param.type === 'AssignmentPattern') param = param.left;
	if (param.type === 'TSParameterProperty') return null;
	if (param.type === 'Identifier') return { fn, index, key: null, direct: param === name };
	if (param.type !== 'ObjectPattern') return { fn, index, key: null, direct: false };
	for (const property of param.properties) {
		if (property.type !== 'Property' || property.computed) continue;
		if (property.range[0] <= name.range[0] && name.range[1] <= property.range[1]) {
			const key = property.key.type === 'Identifier' ? property.key.name : null;
			const value =
				property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
			return { fn, index, key, direct: value === name };
		}
	}
	return { fn, index, key: null, direct: false };
}

/**
 * The call sites in this file of the function a parameter belongs to, when the function has a
 * name the file calls it by.
 * @param {SourceCode} sourceCode
 * @param {Node} fn
 * @returns {import('@typescript-eslint/utils').TSESTree.CallExpression[]}
 */
function callSites(sourceCode, fn) {
	/** @type {import('@typescript-eslint/utils').TSESTree.Identifier | null} */
	let id = null;
	if (fn.type === 'FunctionDeclaration') id = fn.id;
	else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') {
		id = fn.parent.id;
	}
	if (!id) return [];
	const variable = resolve(sourceCode, id);
	if (!variable) return [];
	return variable.references.flatMap((reference) => {
		const call = reference.identifier.parent;
		return call?.type === 'CallExpression' && call.callee === reference.identifier ? [call] : [];
	});
}

/**
 * Traces values back to the visitor's input.
 * @param {SourceCode} sourceCode
 * @param {string} filename
 */
export function visitorInput(sourceCode, filename) {
	const path = normalizePath(filename);
	const program = sourceCode.ast;

	/**
	 * Whether a parameter binding is input, as a whole (`kind` 'value') or as an event whose input
	 * parts are (`kind` 'event').
	 * @param {Variable} variable
	 * @param {number} depth
	 * @returns {'value' | 'event' | null}
	 */
	function parameter(variable, depth) {
		const site = parameterSite(variable);
		if (!site) return null;
		const { fn, index, key, direct } = site;
		const input = parameterInput(fn, index, path, program);
		if (input === 'all') return 'value';
		if (input === 'parts') {
			if (key === null) return direct ? 'event' : null;
			return HANDLER_PARTS.has(key) ? 'value' : null;
		}
		// `({ params, url })` is a request event wherever it is written.
		if (key !== null && INPUT_PARTS.has(key)) return 'value';
		// An item of an input array: body.ids.map((id) => …).
		const call = fn.parent;
		if (
			index === 0 &&
			direct &&
			call?.type === 'CallExpression' &&
			call.arguments[0] === fn &&
			ITEM_CALLBACKS.has(calleeName(call) ?? '')
		) {
			const object = calleeObject(call);
			if (object && isInput(object, depth + 1)) return 'value';
		}
		// A local helper that this file calls with input.
		if (direct && depth < MAX_DEPTH) {
			for (const call of callSites(sourceCode, fn)) {
				const argument = call.arguments[index];
				if (argument && argument.type !== 'SpreadElement' && isInput(argument, depth + 1)) {
					return 'value';
				}
			}
		}
		return null;
	}

	/**
	 * Whether a node is an event or props object whose input parts (`.params`, `.url`, …) are
	 * input: a handler's first parameter, or a const holding one.
	 * @param {Node} node
	 * @param {number} depth
	 */
	function isEvent(node, depth) {
		const value = unwrap(node);
		if (value.type !== 'Identifier' || depth > MAX_DEPTH) return false;
		const variable = resolve(sourceCode, value);
		if (!variable) return false;
		return parameter(variable, depth) === 'event';
	}

	/**
	 * @param {Node} node
	 * @param {number} depth
	 * @returns {boolean}
	 */
	function isInput(node, depth) {
		if (depth > MAX_DEPTH) return false;
		const value = unwrap(node);
		switch (value.type) {
			case 'TemplateLiteral':
				return value.expressions.some((e) => isInput(e, depth + 1));
			case 'BinaryExpression':
				return (
					value.operator === '+' &&
					(isInput(value.left, depth + 1) || isInput(value.right, depth + 1))
				);
			case 'ConditionalExpression':
				return isInput(value.consequent, depth + 1) || isInput(value.alternate, depth + 1);
			case 'LogicalExpression':
				return isInput(value.left, depth + 1) || isInput(value.right, depth + 1);
			case 'ArrayExpression':
				return value.elements.some(
					(e) => e !== null && e.type !== 'SpreadElement' && isInput(e, depth + 1)
				);
			case 'MemberExpression': {
				const name = memberName(value);
				if (name !== null && HANDLER_PARTS.has(name) && isEvent(value.object, depth + 1)) {
					return true;
				}
				return isInput(value.object, depth + 1);
			}
			case 'NewExpression': {
				// new URL(request.url).searchParams, new URLSearchParams(body)
				const first = value.arguments[0];
				return (
					value.callee.type === 'Identifier' &&
					URL_CLASSES.has(value.callee.name) &&
					first !== undefined &&
					first.type !== 'SpreadElement' &&
					isInput(first, depth + 1)
				);
			}
			case 'CallExpression': {
				const name = calleeName(value);
				if (name === null) return false;
				const object = calleeObject(value);
				if (name === 'parse' && object?.type === 'Identifier' && object.name === 'JSON') {
					const first = value.arguments[0];
					return first !== undefined && first.type !== 'SpreadElement' && isInput(first, depth + 1);
				}
				if (object === null || name === 'fromEntries') {
					// cookies().get(…), headers().get(…) from next/headers.
					if (NEXT_REQUEST_APIS.has(name) && value.callee.type === 'Identifier') {
						return isNextRequestApi(value.callee);
					}
					if (!INPUT_FUNCTIONS.has(name)) return false;
					const first = value.arguments[0];
					return first !== undefined && first.type !== 'SpreadElement' && isInput(first, depth + 1);
				}
				return INPUT_METHODS.has(name) && isInput(object, depth + 1);
			}
			case 'Identifier': {
				const variable = resolve(sourceCode, value);
				if (!variable) return false;
				if (variable.defs.some((d) => d.type === 'Parameter')) {
					return parameter(variable, depth) === 'value';
				}
				if (variable.defs.some((d) => d.type !== 'Variable')) return false;
				// const/let, destructured or not (`const { id } = params`), and for…of items.
				return writtenValues(variable).some((w) => isInput(w, depth + 1));
			}
			default:
				return false;
		}
	}

	/**
	 * Whether `cookies`/`headers` is Next.js's, imported from next/headers.
	 * @param {import('@typescript-eslint/utils').TSESTree.Identifier} callee
	 */
	function isNextRequestApi(callee) {
		const variable = resolve(sourceCode, callee);
		return (
			variable?.defs.some(
				(d) =>
					d.type === 'ImportBinding' &&
					d.parent.type === 'ImportDeclaration' &&
					d.parent.source.value === 'next/headers'
			) ?? false
		);
	}

	return {
		/** @param {Node} node */
		isInput: (node) => isInput(node, 0),
	};
}

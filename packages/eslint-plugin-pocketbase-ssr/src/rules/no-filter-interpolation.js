// A PocketBase filter is a small language. A value pasted into it (`owner = "${id}"`) can close
// the quote and add conditions; pb.filter('owner = {:id}', { id }) quotes and escapes it.

import {
	calleeName,
	calleeObject,
	constInitializer,
	isImportBinding,
	isModuleLevel,
	isParameter,
	propertyName,
	resolve,
	unwrap,
	writtenValues,
} from '../ast.js';
import { docsMeta } from '../docs.js';
import { kindOf, rendersOnServer } from '../file-kind.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESLint.SourceCode} SourceCode */

/** Record-service methods whose options take a `filter`. */
const LIST_METHODS = new Set(['getList', 'getFullList', 'getFirstListItem', 'subscribe']);
/** Methods that return the same value, reworded: `${q.trim()}` pastes q. */
const VALUE_METHODS = new Set(['trim', 'toLowerCase', 'toUpperCase', 'toString']);

/**
 * Whether an interpolated value is something other than a constant or a safe fragment: a
 * parameter, a property read, a variable computed from one. Unknown calls count as safe: a helper
 * may well use pb.filter() itself.
 * @param {SourceCode} sourceCode
 * @param {Node} node
 * @param {number} depth
 * @returns {boolean}
 */
function isVariableValue(sourceCode, node, depth) {
	const value = unwrap(node);
	if (depth > 4) return false;
	switch (value.type) {
		case 'Literal':
			return false;
		case 'TemplateLiteral':
			return value.expressions.some((e) => isVariableValue(sourceCode, e, depth + 1));
		case 'BinaryExpression':
			return (
				value.operator === '+' &&
				(isVariableValue(sourceCode, value.left, depth + 1) ||
					isVariableValue(sourceCode, value.right, depth + 1))
			);
		case 'ConditionalExpression':
			return (
				isVariableValue(sourceCode, value.consequent, depth + 1) ||
				isVariableValue(sourceCode, value.alternate, depth + 1)
			);
		case 'LogicalExpression':
			return (
				isVariableValue(sourceCode, value.left, depth + 1) ||
				isVariableValue(sourceCode, value.right, depth + 1)
			);
		case 'MemberExpression':
			// Configuration (process.env.X, import.meta.env.X) is not a visitor's input.
			return !/^(process\.env|import\.meta\.env)\./.test(sourceCode.getText(value));
		case 'Identifier': {
			const variable = resolve(sourceCode, value);
			// Not declared in this file: a pasted snippet's input, unless a constant of the language.
			if (!variable) return !['undefined', 'NaN', 'Infinity'].includes(value.name);
			if (isParameter(variable)) return true;
			if (isImportBinding(variable)) return false;
			const init = constInitializer(variable);
			if (init) return isVariableValue(sourceCode, init, depth + 1);
			// A `let` written in several places: variable if any write is.
			if (isModuleLevel(variable)) return false;
			return writtenValues(variable).some((w) => isVariableValue(sourceCode, w, depth + 1));
		}
		default:
			return false;
	}
}

/**
 * The string-building node that makes this filter unsafe, if any: a template literal with a
 * variable value, or a `+` concatenation with one.
 * @param {SourceCode} sourceCode
 * @param {Node} node
 * @param {number} depth
 * @returns {Node | null}
 */
function pastedFilter(sourceCode, node, depth = 0) {
	const value = unwrap(node);
	if (depth > 4) return null;
	switch (value.type) {
		case 'TemplateLiteral':
			return value.expressions.some((e) => isPastedValue(sourceCode, e)) ? value : null;
		case 'BinaryExpression':
			return value.operator === '+' && isVariableValue(sourceCode, value, 0) ? value : null;
		case 'ConditionalExpression':
			return (
				pastedFilter(sourceCode, value.consequent, depth + 1) ??
				pastedFilter(sourceCode, value.alternate, depth + 1)
			);
		case 'LogicalExpression':
			return (
				pastedFilter(sourceCode, value.left, depth + 1) ??
				pastedFilter(sourceCode, value.right, depth + 1)
			);
		case 'Identifier': {
			// const filter = `owner = "${id}"`; getList(1, 20, { filter })
			const variable = resolve(sourceCode, value);
			if (!variable || isParameter(variable) || isImportBinding(variable)) return null;
			for (const written of writtenValues(variable)) {
				const found = pastedFilter(sourceCode, written, depth + 1);
				if (found) return found;
			}
			return null;
		}
		default:
			return null;
	}
}

/**
 * An interpolated expression that pastes a value, rather than a fragment `pb.filter()` made.
 * @param {SourceCode} sourceCode
 * @param {Node} node
 */
function isPastedValue(sourceCode, node) {
	const value = unwrap(node);
	if (value.type === 'CallExpression') {
		const name = calleeName(value);
		// String(id), id.trim(): still the value itself. Other calls may return a safe fragment.
		if (name === 'String' && value.callee.type === 'Identifier') {
			return value.arguments.some((a) => isVariableValue(sourceCode, a, 0));
		}
		const object = calleeObject(value);
		return name !== null && VALUE_METHODS.has(name) && object !== null
			? isVariableValue(sourceCode, object, 0)
			: false;
	}
	return isVariableValue(sourceCode, value, 0);
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'pasted' | 'pastedIntoFilter', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-filter-interpolation'),
		schema: [],
		messages: {
			pasted:
				"This filter pastes a value into the filter's text: a value with a quote in it adds conditions of its own. Use pb.filter('field = {:value}', { value }).",
			pastedIntoFilter:
				"pb.filter() quotes only the {:placeholders}; a value pasted into its first argument is not escaped. Pass it in the parameters: pb.filter('field = {:value}', { value }).",
		},
	},
	defaultOptions: [],
	create(context) {
		const sourceCode = context.sourceCode;
		// In the browser the request carries the visitor's own token, and the API rules bound what
		// any filter reaches; on a server it may carry more (a superuser's). Only code known to run
		// on a server is checked.
		const kind = kindOf(context);
		const onServer =
			kind === 'server' ||
			(kind === 'universal' && rendersOnServer(context.filename, sourceCode.ast));
		if (!onServer) return {};
		/** @type {Set<Node>} */
		const reported = new Set();
		/**
		 * @param {Node | null} node
		 * @param {'pasted' | 'pastedIntoFilter'} messageId
		 */
		function report(node, messageId) {
			if (!node || reported.has(node)) return;
			reported.add(node);
			context.report({ node, messageId });
		}
		/**
		 * The `filter` of an options object, itself possibly held in a const.
		 * @param {Node} node
		 */
		function checkOptions(node) {
			let options = unwrap(node);
			if (options.type === 'Identifier') {
				const variable = resolve(sourceCode, options);
				const init = variable && constInitializer(variable);
				if (!init) return;
				options = unwrap(init);
			}
			if (options.type !== 'ObjectExpression') return;
			for (const property of options.properties) {
				if (property.type !== 'Property' || property.computed) continue;
				if (propertyName(property.key) !== 'filter') continue;
				report(pastedFilter(sourceCode, property.value), 'pasted');
			}
		}
		return {
			CallExpression(node) {
				const name = calleeName(node);
				if (name === null || node.callee.type !== 'MemberExpression') return;
				if (name === 'filter') {
					// pb.filter(`owner = "${id}"`): Array#filter takes a function, never a string.
					const first = node.arguments[0];
					if (first) report(pastedFilter(sourceCode, first), 'pastedIntoFilter');
					return;
				}
				if (!LIST_METHODS.has(name)) return;
				if (name === 'getFirstListItem' && node.arguments[0]) {
					report(pastedFilter(sourceCode, node.arguments[0]), 'pasted');
				}
				for (const argument of node.arguments) checkOptions(argument);
			},
		};
	},
};

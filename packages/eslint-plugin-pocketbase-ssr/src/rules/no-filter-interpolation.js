// A PocketBase filter is a small language. A value pasted into it (`owner = "${id}"`) can close
// the quote and add conditions; pb.filter('owner = {:id}', { id }) quotes and escapes it.

import {
	calleeName,
	constInitializer,
	isImportBinding,
	isParameter,
	propertyName,
	resolve,
	unwrap,
	walk,
	writtenValues,
} from '../ast.js';
import { docsMeta } from '../docs.js';
import { kindOf, rendersOnServer } from '../file-kind.js';
import { visitorInput } from '../visitor-input.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESLint.SourceCode} SourceCode */

/** Record-service methods whose options take a `filter`. */
const LIST_METHODS = new Set(['getList', 'getFullList', 'getFirstListItem', 'subscribe']);
/**
 * The block body of the function a call runs, when this file declares it by name.
 * @param {SourceCode} sourceCode
 * @param {import('@typescript-eslint/utils').TSESTree.CallExpression} call
 * @returns {Node | null}
 */
function localFunctionBody(sourceCode, call) {
	if (call.callee.type !== 'Identifier') return null;
	const variable = resolve(sourceCode, call.callee);
	const def = variable?.defs[0];
	if (!def) return null;
	const fn =
		def.type === 'FunctionName'
			? def.node
			: def.type === 'Variable' && def.node.init
				? unwrap(def.node.init)
				: null;
	if (
		!fn ||
		(fn.type !== 'FunctionDeclaration' &&
			fn.type !== 'FunctionExpression' &&
			fn.type !== 'ArrowFunctionExpression') ||
		fn.body.type !== 'BlockStatement'
	) {
		return null;
	}
	return fn.body;
}

/**
 * The string-building node that pastes the visitor's text into this filter, if any: a template
 * literal or a `+` concatenation with a value traced to the visitor's input.
 * @param {SourceCode} sourceCode
 * @param {(node: Node) => boolean} isInput
 * @param {Node} node
 * @param {number} depth
 * @returns {Node | null}
 */
function pastedFilter(sourceCode, isInput, node, depth = 0) {
	const value = unwrap(node);
	if (depth > 4) return null;
	switch (value.type) {
		case 'TemplateLiteral':
			return value.expressions.some((e) => isInput(e)) ? value : null;
		case 'BinaryExpression':
			return value.operator === '+' && isInput(value) ? value : null;
		case 'ConditionalExpression':
			return (
				pastedFilter(sourceCode, isInput, value.consequent, depth + 1) ??
				pastedFilter(sourceCode, isInput, value.alternate, depth + 1)
			);
		case 'LogicalExpression':
			return (
				pastedFilter(sourceCode, isInput, value.left, depth + 1) ??
				pastedFilter(sourceCode, isInput, value.right, depth + 1)
			);
		case 'CallExpression': {
			// filter: filterFor(url.searchParams), a function this file declares: what it returns.
			const body = localFunctionBody(sourceCode, value);
			if (!body) return null;
			/** @type {Node | null} */
			let found = null;
			walk(body, (inner) => {
				if (found || inner.type !== 'ReturnStatement' || !inner.argument) return;
				found = pastedFilter(sourceCode, isInput, inner.argument, depth + 1);
			});
			return found;
		}
		case 'Identifier': {
			// const filter = `owner = "${id}"`; getList(1, 20, { filter })
			const variable = resolve(sourceCode, value);
			if (!variable || isParameter(variable) || isImportBinding(variable)) return null;
			for (const written of writtenValues(variable)) {
				const found = pastedFilter(sourceCode, isInput, written, depth + 1);
				if (found) return found;
			}
			return null;
		}
		default:
			return null;
	}
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'pasted' | 'pastedIntoFilter', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-filter-interpolation'),
		schema: [],
		messages: {
			pasted:
				"This filter pastes the visitor's text (a route or query parameter, a form field, the request body, a cookie or an action's argument) into the filter: a quote in it adds conditions of its own. Use pb.filter('field = {:value}', { value }).",
			pastedIntoFilter:
				"pb.filter() quotes only the {:placeholders}; the visitor's text pasted into its first argument is not escaped. Pass it in the parameters: pb.filter('field = {:value}', { value }).",
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
		const { isInput } = visitorInput(sourceCode, context.filename);
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
				report(pastedFilter(sourceCode, isInput, property.value), 'pasted');
			}
		}
		return {
			CallExpression(node) {
				const name = calleeName(node);
				if (name === null || node.callee.type !== 'MemberExpression') return;
				if (name === 'filter') {
					// pb.filter(`owner = "${id}"`): Array#filter takes a function, never a string.
					const first = node.arguments[0];
					if (first) report(pastedFilter(sourceCode, isInput, first), 'pastedIntoFilter');
					return;
				}
				if (!LIST_METHODS.has(name)) return;
				if (name === 'getFirstListItem' && node.arguments[0]) {
					report(pastedFilter(sourceCode, isInput, node.arguments[0]), 'pasted');
				}
				for (const argument of node.arguments) checkOptions(argument);
			},
		};
	},
};

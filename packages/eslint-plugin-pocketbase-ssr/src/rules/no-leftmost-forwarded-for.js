// `x-forwarded-for` is a list every proxy appends to, so its first entry is whatever the client
// sent. Reading it as the visitor's address lets any caller pick an address (and so a fresh
// rate-limit bucket in PocketBase).

import {
	calleeName,
	calleeObject,
	constInitializer,
	resolve,
	stringValue,
	unwrap,
} from '../ast.js';
import { docsMeta } from '../docs.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */
/** @typedef {import('@typescript-eslint/utils').TSESLint.SourceCode} SourceCode */

const HEADER = 'x-forwarded-for';
/** Array methods that keep the order of the entries. */
const ORDER_KEEPING = new Set(['map', 'filter']);

/**
 * Whether the value is the raw header: `headers.get('X-Forwarded-For')`,
 * `req.headers['x-forwarded-for']`, possibly defaulted (`?? ''`) or held in a const.
 * @param {SourceCode} sourceCode
 * @param {Node} node
 * @param {number} depth
 * @returns {boolean}
 */
function isHeaderValue(sourceCode, node, depth = 0) {
	const value = unwrap(node);
	if (depth > 3) return false;
	if (value.type === 'CallExpression') {
		if (calleeName(value) === 'get') {
			return stringValue(value.arguments[0])?.toLowerCase() === HEADER;
		}
		// String(header), header.trim(), header.toString()
		if (value.callee.type === 'Identifier' && value.callee.name === 'String') {
			return (
				value.arguments[0] !== undefined && isHeaderValue(sourceCode, value.arguments[0], depth + 1)
			);
		}
		const object = calleeObject(value);
		const name = calleeName(value);
		if (object && (name === 'trim' || name === 'toString')) {
			return isHeaderValue(sourceCode, object, depth + 1);
		}
		return false;
	}
	if (value.type === 'MemberExpression') {
		return value.computed && stringValue(value.property)?.toLowerCase() === HEADER;
	}
	if (value.type === 'LogicalExpression') return isHeaderValue(sourceCode, value.left, depth + 1);
	if (value.type === 'Identifier') {
		const variable = resolve(sourceCode, value);
		const init = variable && constInitializer(variable);
		return init !== null && isHeaderValue(sourceCode, init, depth + 1);
	}
	return false;
}

/**
 * Whether the value is the header's entries in their order: `header.split(',')`, then any
 * `.map(…)` or `.filter(…)`, or a const holding that.
 * @param {SourceCode} sourceCode
 * @param {Node} node
 * @param {number} depth
 * @returns {boolean}
 */
function isEntryList(sourceCode, node, depth = 0) {
	const value = unwrap(node);
	if (depth > 4) return false;
	if (value.type === 'CallExpression') {
		const name = calleeName(value);
		const object = calleeObject(value);
		if (!object) return false;
		if (name === 'split') {
			const separator = value.arguments[0];
			const splitsOnComma =
				(stringValue(separator) ?? '').includes(',') ||
				(separator?.type === 'Literal' &&
					'regex' in separator &&
					separator.regex.pattern.includes(','));
			return splitsOnComma && isHeaderValue(sourceCode, object);
		}
		if (name !== null && ORDER_KEEPING.has(name)) return isEntryList(sourceCode, object, depth + 1);
		return false;
	}
	if (value.type === 'Identifier') {
		const variable = resolve(sourceCode, value);
		const init = variable && constInitializer(variable);
		return init !== null && isEntryList(sourceCode, init, depth + 1);
	}
	return false;
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'leftmost', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-leftmost-forwarded-for'),
		schema: [],
		messages: {
			leftmost:
				"The leftmost X-Forwarded-For entry is whatever the client sent: any caller can claim any address. Read the header your own proxy overwrites (x-real-ip on Vercel), count entries from the right, or use SvelteKit's getClientAddress() with ADDRESS_HEADER and XFF_DEPTH.",
		},
	},
	defaultOptions: [],
	create(context) {
		const sourceCode = context.sourceCode;
		return {
			// entries[0], entries.at(0)
			MemberExpression(node) {
				if (!node.computed || node.property.type !== 'Literal' || node.property.value !== 0) return;
				if (isEntryList(sourceCode, node.object)) context.report({ node, messageId: 'leftmost' });
			},
			CallExpression(node) {
				const name = calleeName(node);
				const object = calleeObject(node);
				if (!object) return;
				const first =
					name === 'shift' ||
					(name === 'at' && node.arguments[0]?.type === 'Literal' && node.arguments[0].value === 0);
				if (first && isEntryList(sourceCode, object))
					context.report({ node, messageId: 'leftmost' });
			},
			// const [ip] = header.split(',')
			VariableDeclarator(node) {
				if (node.id.type !== 'ArrayPattern' || !node.init) return;
				if (node.id.elements[0] && isEntryList(sourceCode, node.init)) {
					context.report({ node: node.id, messageId: 'leftmost' });
				}
			},
			AssignmentExpression(node) {
				if (node.left.type !== 'ArrayPattern') return;
				if (node.left.elements[0] && isEntryList(sourceCode, node.right)) {
					context.report({ node: node.left, messageId: 'leftmost' });
				}
			},
		};
	},
};

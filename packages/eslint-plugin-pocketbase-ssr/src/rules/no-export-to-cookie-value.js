// exportToCookie() returns a whole Set-Cookie header ("pb_auth=…; Path=/; HttpOnly; …"). Given to
// a framework's cookie API as the value, the name and every attribute are encoded into one value
// whose attributes (HttpOnly, Secure, SameSite, expiry) are never applied, and which
// loadFromCookie(request.headers.get('cookie')) cannot parse: the token is encoded twice.

import {
	calleeName,
	calleeObject,
	constInitializer,
	propertyName,
	resolve,
	unwrap,
} from '../ast.js';
import { docsMeta } from '../docs.js';

/** @typedef {import('@typescript-eslint/utils').TSESTree.Node} Node */

/**
 * `pb.authStore.exportToCookie(…)`, possibly wrapped.
 * @param {Node | undefined} node
 */
function isExportedCookie(node) {
	if (!node) return false;
	const value = unwrap(node);
	return value.type === 'CallExpression' && calleeName(value) === 'exportToCookie';
}

/** @type {import('@typescript-eslint/utils').TSESLint.RuleModule<'headerAsValue', []>} */
export default {
	meta: {
		type: 'problem',
		docs: docsMeta('no-export-to-cookie-value'),
		schema: [],
		messages: {
			headerAsValue:
				"exportToCookie() returns a whole Set-Cookie header, not a cookie's value: stored as the value, its HttpOnly, Secure, SameSite and expiry are never applied, and loadFromCookie(the Cookie header) cannot parse it. Append it to the response's set-cookie header, or split it into name, value and options.",
		},
	},
	defaultOptions: [],
	create(context) {
		const sourceCode = context.sourceCode;
		return {
			CallExpression(node) {
				if (calleeName(node) !== 'set') return;
				const cookies = calleeObject(node);
				// cookies.set, event.cookies.set, (await cookies()).set, response.cookies.set, or a
				// const holding one of those (const store = await cookies()).
				if (!cookies) return;
				let jar = sourceCode.getText(cookies);
				if (cookies.type === 'Identifier') {
					const variable = resolve(sourceCode, cookies);
					const init = variable && constInitializer(variable);
					if (init) jar += ` ${sourceCode.getText(init)}`;
				}
				if (!/cookies/i.test(jar)) return;
				const [first, second] = node.arguments;
				if (isExportedCookie(second)) {
					context.report({ node: /** @type {Node} */ (second), messageId: 'headerAsValue' });
					return;
				}
				// Next.js's object form: cookies().set({ name, value, … })
				const options = first && unwrap(first);
				if (options?.type !== 'ObjectExpression') return;
				for (const property of options.properties) {
					if (
						property.type === 'Property' &&
						propertyName(property.key) === 'value' &&
						isExportedCookie(property.value)
					) {
						context.report({ node: property.value, messageId: 'headerAsValue' });
					}
				}
			},
		};
	},
};

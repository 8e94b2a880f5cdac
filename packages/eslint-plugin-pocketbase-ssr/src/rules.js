// The rules alone, with no parser and nothing from Node: what a browser bundle imports to run them
// with ESLint's Linter.

import noAuthInUniversalLoad from './rules/no-auth-in-universal-load.js';
import noExportToCookieValue from './rules/no-export-to-cookie-value.js';
import noFilterInterpolation from './rules/no-filter-interpolation.js';
import noLeftmostForwardedFor from './rules/no-leftmost-forwarded-for.js';
import noSharedCacheUserData from './rules/no-shared-cache-user-data.js';
import noSharedClient from './rules/no-shared-client.js';
import noSuperuserInClient from './rules/no-superuser-in-client.js';
import noUnverifiedAuth from './rules/no-unverified-auth.js';

export { ruleDocs } from './docs.js';

/** The prefix of every rule id in a config: `pocketbase-ssr/no-shared-client`. */
export const namespace = 'pocketbase-ssr';

export const rules = {
	'no-shared-client': noSharedClient,
	'no-leftmost-forwarded-for': noLeftmostForwardedFor,
	'no-filter-interpolation': noFilterInterpolation,
	'no-superuser-in-client': noSuperuserInClient,
	'no-unverified-auth': noUnverifiedAuth,
	'no-shared-cache-user-data': noSharedCacheUserData,
	'no-export-to-cookie-value': noExportToCookieValue,
	'no-auth-in-universal-load': noAuthInUniversalLoad,
};

/** Every rule at error, as `configs.recommended` sets them. */
export const recommendedRules = Object.fromEntries(
	Object.keys(rules).map((name) => [`${namespace}/${name}`, /** @type {const} */ ('error')])
);

/** The files the rules read: scripts and TypeScript, in any of their module flavours. */
export const files = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

// One entry per rule: why it matters in a line, and the section of the guide that shows the
// problem happening. The rules' meta, the /check/ page and the rule pages all read this map.

/**
 * @typedef {object} RuleDoc
 * @property {string} title A short name for the mistake.
 * @property {string} why One line: what goes wrong.
 * @property {{ title: string, href: string }} guide The guide's section that proves it.
 * @property {string} url The rule's own page on the site.
 */

/**
 * The rule's section of the site's rules page: its heading is the rule's name.
 * @param {string} name
 */
const rulePage = (name) => `/check/rules/#${name}`;

/** @type {Record<string, RuleDoc>} */
export const ruleDocs = {
	'no-shared-client': {
		title: 'A PocketBase client shared across requests',
		why: "A module-level client's authStore belongs to every request the process serves: when one visitor signs in, every visitor is that visitor.",
		guide: {
			title: 'Doing it right: one client per request',
			href: '/server-side/doing-it-right/#one-client-per-request',
		},
		url: rulePage('no-shared-client'),
	},
	'no-leftmost-forwarded-for': {
		title: "The client's address from the leftmost X-Forwarded-For entry",
		why: 'Proxies append to X-Forwarded-For, so its leftmost entry is whatever the client wrote: any caller can claim any address.',
		guide: {
			title: 'Rate limits: forward the client IP',
			href: '/problem/rate-limits/#forward-the-client-ip',
		},
		url: rulePage('no-leftmost-forwarded-for'),
	},
	'no-filter-interpolation': {
		title: 'A filter built by pasting strings',
		why: "The visitor's text pasted into a filter can close its quote and add conditions of its own; pb.filter('x = {:x}', { x }) keeps a value a value.",
		guide: {
			title: 'Why the filter always goes through pb.filter()',
			href: '/your-request/#why-the-filter-always-goes-through-pbfilter',
		},
		url: rulePage('no-filter-interpolation'),
	},
	'no-superuser-in-client': {
		title: 'Superuser credentials reachable from the browser',
		why: 'A public env variable or a client component ships its value to every visitor, and a superuser ignores every API rule.',
		guide: {
			title: 'Static generation: credentials and rate limits at build time',
			href: '/approaches/static-generation/#credentials-and-rate-limits-at-build-time',
		},
		url: rulePage('no-superuser-in-client'),
	},
	'no-unverified-auth': {
		title: 'Trusting the auth cookie without authRefresh()',
		why: "loadFromCookie checks nothing and isValid reads the token's expiry without its signature: a forged cookie passes unless authRefresh() runs first.",
		guide: {
			title: 'Doing it right: verify the cookie before you trust it',
			href: '/server-side/doing-it-right/#verify-the-cookie-before-you-trust-it',
		},
		url: rulePage('no-unverified-auth'),
	},
	'no-shared-cache-user-data': {
		title: "A user's PocketBase data in a shared cache",
		why: "A shared cache is keyed without the visitor's token, so the first visitor's answer is served to the next.",
		guide: {
			title: "Doing it right: keep a user's answer out of shared caches",
			href: '/server-side/doing-it-right/#keep-a-users-answer-out-of-shared-caches',
		},
		url: rulePage('no-shared-cache-user-data'),
	},
	'no-export-to-cookie-value': {
		title: 'exportToCookie() given to a cookie API as the value',
		why: 'exportToCookie() returns a whole Set-Cookie header; stored as a value, its attributes are never applied and loadFromCookie() cannot parse the Cookie header it leaves.',
		guide: {
			title: 'Doing it right: exportToCookie() is a header, not a value',
			href: '/server-side/doing-it-right/#exporttocookie-is-a-header-not-a-value',
		},
		url: rulePage('no-export-to-cookie-value'),
	},
	'no-auth-in-universal-load': {
		title: "A universal load asking a module-level client who's signed in",
		why: 'A +page.ts load also runs on the server, where the module-level client is one for every request: it answers with no sign-in or with another visitor\u2019s.',
		guide: {
			title: 'Doing it right: a universal load runs on the server too',
			href: '/server-side/doing-it-right/#a-universal-load-runs-on-the-server-too',
		},
		url: rulePage('no-auth-in-universal-load'),
	},
};

/**
 * The `meta.docs` of a rule, from its entry above.
 * @param {string} name
 */
export function docsMeta(name) {
	const doc = ruleDocs[name];
	if (!doc) throw new Error(`No docs entry for rule ${name}`);
	return { description: doc.title, url: doc.url };
}

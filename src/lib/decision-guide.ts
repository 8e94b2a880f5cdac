/**
 * The decision guide's logic: a reader's answers about their app in, one recommendation with
 * its reasons out. Pure, so every combination of answers can be tested, and the rules are an
 * ordered list that the page also prints as a readable flow for readers without JavaScript.
 *
 * Every reason cites the page section that argues it (`href`, with its heading's anchor); an
 * end-to-end test checks that each cited anchor exists in the built site.
 */
import type { Schema, Settings } from './url-state';

export const answerSchema = {
	data: {
		kind: 'choice',
		label: 'What the data is',
		options: ['per-user', 'public'],
		default: 'per-user',
	},
	secret: { kind: 'boolean', label: 'Needs a secret or an external service', default: false },
	aggregation: {
		kind: 'choice',
		label: 'Aggregation across users',
		options: ['none', 'query', 'compute'],
		default: 'none',
	},
	realtime: { kind: 'boolean', label: 'Realtime updates', default: false },
	placement: {
		kind: 'choice',
		label: 'Where your server and PocketBase run',
		options: ['no-server', 'same-datacenter', 'far', 'private'],
		default: 'no-server',
	},
	traffic: { kind: 'choice', label: 'Traffic', options: ['low', 'high'], default: 'low' },
	rateLimiter: { kind: 'boolean', label: 'PocketBase’s rate limiter is on', default: false },
} as const satisfies Schema;

export type Answers = Settings<typeof answerSchema>;

export type RecommendationKind = 'direct' | 'hook' | 'static' | 'server';

export interface Reason {
	text: string;
	/** The page and heading anchor that argues this reason. */
	href: string;
	/** That heading's text, as the page shows it. */
	section: string;
}

export interface Recommendation {
	kind: RecommendationKind;
	/** Which step of the flow decided it (its `id`). */
	step: string;
	title: string;
	summary: string;
	reasons: Reason[];
}

export const kindTitles: Readonly<Record<RecommendationKind, string>> = {
	direct: 'Call PocketBase directly from the browser, under API rules',
	hook: 'Put the server-side part in a PocketBase JS hook',
	static: 'Generate the public pages statically',
	server: 'Use a server, and do it right',
};

export interface Step {
	id: string;
	/** The question this step asks, in the readable flow. */
	question: string;
	applies: (answers: Answers) => boolean;
	kind: RecommendationKind;
	summary: string;
	/** The reason that decides this step: the section that argues the recommendation. */
	reason: Reason;
}

/** Checked in order; the first step that applies decides. The last one always applies. */
export const steps: readonly Step[] = [
	{
		id: 'private',
		question: 'Is PocketBase unreachable from the internet (a private or Docker network)?',
		applies: (a) => a.placement === 'private',
		kind: 'server',
		summary:
			'The browser cannot reach PocketBase, so something in between must. Make that server the only way in.',
		reason: {
			text: 'When PocketBase has no public address, a server has to carry every request.',
			href: '/server-side/when/#pocketbase-is-not-reachable-from-the-internet',
			section: 'PocketBase is not reachable from the internet',
		},
	},
	{
		id: 'compute',
		question:
			'Does the app aggregate across users with real compute (large joins, statistics, PDFs, long jobs)?',
		applies: (a) => a.aggregation === 'compute',
		kind: 'server',
		summary:
			'Run the heavy work on a server with its own superuser client; the rest of the app can still call PocketBase directly.',
		reason: {
			text: 'PocketBase’s web API has no ad-hoc GROUP BY, and work this heavy should not hold a PocketBase request open.',
			href: '/server-side/when/#heavy-aggregation-and-reports',
			section: 'Heavy aggregation and reports',
		},
	},
	{
		id: 'secret',
		question: 'Does a call need a secret or an external service (payments, e-mail, an LLM API)?',
		applies: (a) => a.secret,
		kind: 'hook',
		summary:
			'A hook reads the key from the environment, calls the service and writes the result, next to the data; the browser calls the hook’s route.',
		reason: {
			text: 'Keys must never reach the browser, and a JS hook keeps them inside PocketBase.',
			href: '/server-side/when/#integrations-that-hold-secrets',
			section: 'Integrations that hold secrets',
		},
	},
	{
		id: 'query',
		question: 'Does the app need totals or counts across users that one SQL query can compute?',
		applies: (a) => a.aggregation === 'query',
		kind: 'hook',
		summary:
			'A view collection (a SQL SELECT with its own API rules) or a custom hook route computes it inside PocketBase.',
		reason: {
			text: 'A view collection or a hook route can run the query next to the data.',
			href: '/approaches/js-hooks/#custom-routes',
			section: 'Custom routes',
		},
	},
	{
		id: 'public',
		question: 'Is the data public, the same for every reader?',
		applies: (a) => a.data === 'public',
		kind: 'static',
		summary:
			'Build the pages from PocketBase once, serve them as files, and rebuild when the data changes.',
		reason: {
			text: 'Public data can be read once at build time instead of on every visit.',
			href: '/approaches/static-generation/#when-it-fits',
			section: 'When it fits',
		},
	},
	{
		id: 'direct',
		question: 'Otherwise: per-user data that PocketBase can check per request.',
		applies: () => true,
		kind: 'direct',
		summary:
			'Each browser calls PocketBase with its own token, and API rules decide per record what it may read and write.',
		reason: {
			text: 'API rules check every request against the record and the signed-in user.',
			href: '/approaches/api-rules/#one-request-one-check',
			section: 'One request, one check',
		},
	},
];

/** The reasons that follow from the other answers, for a recommendation already chosen. */
function supportingReasons(kind: RecommendationKind, a: Answers): Reason[] {
	const reasons: Reason[] = [];
	const server = kind === 'server';
	if (server && a.aggregation === 'compute') {
		reasons.push({
			text: 'The heavy work needs no user session: a superuser client on the server is the cheap kind of server-side access.',
			href: '/server-side/doing-it-right/#a-superuser-client-for-server-only-work',
			section: 'A superuser client for server-only work',
		});
	}
	if (server && a.data === 'per-user' && a.placement === 'private') {
		reasons.push({
			text: 'Acting as each user on the server takes one client per request, never one shared client.',
			href: '/server-side/doing-it-right/#one-client-per-request',
			section: 'One client per request',
		});
	}
	if (server && a.placement === 'private') {
		reasons.push({
			text: 'Only your server can reach PocketBase, so PocketBase can safely trust the client-IP header it sets.',
			href: '/server-side/doing-it-right/#forward-the-visitors-ip-safely',
			section: 'Forward the visitor’s IP safely',
		});
	}
	if (server && a.placement === 'far') {
		reasons.push({
			text: 'A server far from PocketBase adds a long hop to every call it makes; keep it next to PocketBase.',
			href: '/problem/double-hops/#when-it-is-not',
			section: 'When it is not',
		});
	}
	if (server && a.placement === 'same-datacenter') {
		reasons.push({
			text: 'Next to PocketBase the extra hop costs well under a millisecond, so latency is not the argument here.',
			href: '/server-side/when/#first-be-fair-about-latency',
			section: 'First, be fair about latency',
		});
	}
	if (server && a.rateLimiter) {
		reasons.push({
			text:
				a.traffic === 'high'
					? 'With the limiter on and many visitors, every request the server sends counts against the server’s one IP unless it forwards the visitor’s.'
					: 'With the limiter on, requests the server sends count against the server’s IP unless it forwards the visitor’s.',
			href: '/problem/rate-limits/#one-server-one-bucket',
			section: 'One server, one bucket',
		});
	}
	if (!server && a.rateLimiter) {
		reasons.push({
			text: 'The limiter keys on each client’s IP, so every browser gets its own budget.',
			href: '/problem/rate-limits/#how-the-limiter-works',
			section: 'How the limiter works',
		});
	}
	if (a.realtime && a.placement === 'private') {
		reasons.push({
			text: 'Realtime has to be relayed too: one upstream stream per user, opened and subscribed from the same IP.',
			href: '/problem/realtime/#what-a-proxy-has-to-do',
			section: 'What a proxy has to do',
		});
	} else if (a.realtime && kind === 'static') {
		reasons.push({
			text: 'The live parts still come from the browser, which calls PocketBase, and subscribes to it, directly.',
			href: '/approaches/static-generation/#let-the-browser-fetch-the-live-parts',
			section: 'Let the browser fetch the live parts',
		});
	} else if (a.realtime && server) {
		reasons.push({
			text: 'Keep realtime in the browser: it subscribes to PocketBase directly even when pages come from the server.',
			href: '/problem/realtime/#the-mixed-setup',
			section: 'The mixed setup',
		});
	} else if (a.realtime) {
		reasons.push({
			text: 'The browser subscribes to PocketBase’s realtime stream itself, under the same rules.',
			href: '/problem/realtime/#how-pocketbase-realtime-works',
			section: 'How PocketBase realtime works',
		});
	}
	if (kind === 'static' && a.traffic === 'high') {
		reasons.push({
			text: 'A build reads PocketBase from one machine, a bounded number of times, however many people visit.',
			href: '/approaches/static-generation/#credentials-and-rate-limits-at-build-time',
			section: 'Credentials and rate limits at build time',
		});
	}
	if (kind === 'hook') {
		reasons.push({
			text: 'The hook runs with full access, so it must re-apply the rules itself.',
			href: '/approaches/js-hooks/#app-ignores-rules-so-re-apply-them',
			section: '$app ignores rules, so re-apply them',
		});
	}
	if (server) {
		reasons.push({
			text: 'If your app already calls PocketBase from server code, paste those files into the check: it finds a client shared by every request, a cookie trusted without a refresh and a spoofable client address, in your browser.',
			href: '/check/#paste-your-files',
			section: 'Paste your files',
		});
	}
	if (kind === 'direct' && a.data === 'per-user') {
		reasons.push({
			text: 'The browser keeps the user’s token, so there is no cookie to sync on a server.',
			href: '/problem/auth-state/#what-to-do-instead',
			section: 'What to do instead',
		});
	}
	return reasons;
}

export function recommend(answers: Answers): Recommendation {
	// The last step applies to every answer set, so find() never comes back empty.
	const step = steps.find((s) => s.applies(answers)) ?? steps[steps.length - 1]!;
	return {
		kind: step.kind,
		step: step.id,
		title: kindTitles[step.kind],
		summary: step.summary,
		reasons: [step.reason, ...supportingReasons(step.kind, answers)],
	};
}

/** Every answer set the schema allows, for tests and for counting the cases. */
export function allAnswerSets(): Answers[] {
	let sets: Record<string, unknown>[] = [{}];
	for (const [key, field] of Object.entries(answerSchema)) {
		const values: readonly unknown[] = field.kind === 'boolean' ? [false, true] : field.options;
		sets = sets.flatMap((set) => values.map((value) => ({ ...set, [key]: value })));
	}
	return sets as Answers[];
}

/**
 * The scripted request sequences of the differential test (rate-limiter-differential.spec.ts):
 * each one goes to a real PocketBase and to src/lib/rate-limiter.ts, and every answer must agree.
 *
 * Sequences in one configuration run at the same time on one server, so each uses client keys
 * (the trusted test header's value, or the TCP peer) and buckets no other sequence of its
 * configuration touches. Step times are seconds after a common whole-second start; every step
 * sits 0.15 s or more away from a second boundary, so loopback jitter cannot move a request into
 * another second, and the model is fed the second PocketBase itself reported (the response's
 * `Date` header) in any case.
 */
import type { HeaderLine, LimiterSettings, RateLimitRule } from '../src/lib/rate-limiter';
import { playgroundRules } from '../src/lib/rate-limiter';

/** The header the test-only PocketBase trusts for client keys. The playground never does. */
export const testHeader = 'X-Test-Client-IP';

export type CollectionName = 'users' | '_superusers' | 'articles' | 'notes';

export type Call =
	| { route: 'authWithPassword'; collection: 'users' | '_superusers' }
	| { route: 'authRefresh'; collection: 'users' }
	| { route: 'list' | 'create'; collection: 'articles' | 'notes' }
	| { route: 'view'; collection: 'articles' }
	| { global: 'GET /api/health' | 'GET /api/settings' | 'GET /api/demo/whoami' };

export interface Step {
	/** Seconds after the sequence's start second. */
	at: number;
	call: Call;
	/** Repeat the call this many times, one after another (default 1). */
	times?: number;
	caller?: 'guest' | 'user' | 'superuser';
	/** Header lines instead of the sequence's own key header; [] sends none. */
	headers?: HeaderLine[];
}

export interface Sequence {
	name: string;
	/** The sequence's own client key, sent in the test header unless a step says otherwise. */
	key?: string;
	steps: Step[];
}

export interface Configuration {
	name: string;
	settings: LimiterSettings;
	sequences: Sequence[];
}

const usersAuth: Call = { route: 'authWithPassword', collection: 'users' };
const superusersAuth: Call = { route: 'authWithPassword', collection: '_superusers' };
const listArticles: Call = { route: 'list', collection: 'articles' };
const listNotes: Call = { route: 'list', collection: 'notes' };
const viewArticle: Call = { route: 'view', collection: 'articles' };
const createNote: Call = { route: 'create', collection: 'notes' };
const health: Call = { global: 'GET /api/health' };
const settingsApi: Call = { global: 'GET /api/settings' };
const whoami: Call = { global: 'GET /api/demo/whoami' };

const rule = (
	label: string,
	maxRequests: number,
	duration: number,
	audience: RateLimitRule['audience'] = ''
): RateLimitRule => ({ label, maxRequests, duration, audience });

const header = (value: string): HeaderLine[] => [[testHeader, value]];

export const configurations: Configuration[] = [
	{
		name: 'tags, paths and buckets; rightmost trusted entry',
		settings: {
			rateLimits: {
				enabled: true,
				excludedIPs: [],
				rules: [
					rule('*:auth', 2, 3),
					rule('*:create', 3, 2),
					rule('/api/demo/whoami', 2, 2),
					rule('/api/', 4, 2),
				],
			},
			trustedProxy: { headers: [testHeader, 'X-Forwarded-For'], useLeftmostIP: false },
		},
		sequences: [
			{
				name: 'sign-in burst, then the next window',
				key: '10.1.1.1',
				steps: [
					{ at: 0.2, call: usersAuth, times: 4 },
					{ at: 2.8, call: usersAuth },
					{ at: 3.2, call: usersAuth, times: 3 },
				],
			},
			{
				name: 'a window opened late in a second ends early',
				key: '10.1.2.1',
				steps: [
					{ at: 0.8, call: usersAuth, times: 2 },
					{ at: 2.6, call: usersAuth },
					{ at: 3.2, call: usersAuth, times: 3 },
				],
			},
			{
				name: 'each auth collection has its own sign-in bucket',
				key: '10.1.3.1',
				steps: [
					{ at: 0.3, call: usersAuth, times: 2 },
					{ at: 0.4, call: superusersAuth, times: 2 },
					{ at: 0.5, call: usersAuth },
					{ at: 0.6, call: superusersAuth },
				],
			},
			{
				name: 'each collection and route has its own /api/ bucket',
				key: '10.1.4.1',
				steps: [
					{ at: 0.3, call: listArticles, times: 5 },
					{ at: 0.4, call: listNotes, times: 5 },
					{ at: 0.5, call: viewArticle, times: 5 },
					{ at: 2.3, call: listArticles, times: 2 },
				],
			},
			{
				name: 'other /api/ routes share one bucket; a labelled route has its own',
				key: '10.1.5.1',
				steps: [
					{ at: 0.3, call: health, times: 2 },
					{ at: 0.4, call: settingsApi, times: 3 },
					{ at: 0.5, call: whoami, times: 3 },
					{ at: 0.6, call: health },
				],
			},
			{
				name: 'no trusted header: the TCP peer is the key',
				steps: [{ at: 0.3, call: usersAuth, times: 3, headers: [] }],
			},
			{
				name: 'superusers skip the limiter',
				key: '10.1.7.1',
				steps: [{ at: 0.3, call: listArticles, times: 8, caller: 'superuser' }],
			},
			{
				name: 'creates have their own rule per collection',
				key: '10.1.8.1',
				steps: [
					{ at: 0.3, call: createNote, times: 4 },
					{ at: 2.4, call: createNote, times: 4 },
				],
			},
			{
				name: 'the rightmost parseable entry is the key',
				steps: [
					{ at: 0.3, call: usersAuth, headers: header('10.1.9.1, 10.1.9.2') },
					{ at: 0.35, call: usersAuth, headers: header('10.1.9.2') },
					{ at: 0.4, call: usersAuth, headers: header('unknown, 10.1.9.2') },
					{ at: 0.45, call: usersAuth, headers: header('10.1.9.2, not-an-ip') },
					{ at: 0.5, call: usersAuth, headers: header('10.1.9.1') },
				],
			},
			{
				name: 'the last occurrence of the header counts',
				steps: [
					{
						at: 0.3,
						call: superusersAuth,
						times: 2,
						headers: [
							[testHeader, '10.1.10.1'],
							[testHeader, '10.1.10.2'],
						],
					},
					{ at: 0.4, call: superusersAuth, headers: header('10.1.10.2') },
					{
						at: 0.5,
						call: superusersAuth,
						headers: [
							[testHeader, '10.1.10.2'],
							[testHeader, '10.1.10.1'],
						],
					},
					// An empty last occurrence is passed over: the key is the TCP peer.
					{
						at: 0.6,
						call: superusersAuth,
						times: 3,
						headers: [
							[testHeader, '10.1.10.3'],
							[testHeader, ''],
						],
					},
				],
			},
			{
				name: 'trusted headers are tried in order',
				steps: [
					{ at: 0.3, call: listNotes, times: 3, headers: [['X-Forwarded-For', '10.1.11.1']] },
					{
						at: 0.4,
						call: listNotes,
						times: 2,
						headers: [
							[testHeader, 'unknown'],
							['X-Forwarded-For', '10.1.11.1'],
						],
					},
					{
						at: 0.5,
						call: listNotes,
						times: 2,
						headers: [
							[testHeader, '10.1.11.2'],
							['X-Forwarded-For', '10.1.11.1'],
						],
					},
				],
			},
		],
	},
	{
		name: 'audiences, method labels, leftmost entry, excludedIPs',
		settings: {
			rateLimits: {
				enabled: true,
				excludedIPs: ['10.2.200.0/24', '10.2.201.5'],
				rules: [
					rule('*:auth', 2, 3, '@guest'),
					rule('*:auth', 4, 3, '@auth'),
					rule('articles:list', 2, 2, '@guest'),
					rule('articles:list', 3, 2, '@auth'),
					rule('GET /api/health', 1, 2),
					rule('/api/', 3, 2),
				],
			},
			trustedProxy: { headers: [testHeader], useLeftmostIP: true },
		},
		sequences: [
			{
				name: 'guests and signed-in users have separate list buckets',
				key: '10.2.12.1',
				steps: [
					{ at: 0.3, call: listArticles, times: 3 },
					{ at: 0.4, call: listArticles, times: 4, caller: 'user' },
				],
			},
			{
				name: 'the leftmost parseable entry is the key',
				steps: [
					{ at: 0.3, call: usersAuth, headers: header('10.2.13.1, 10.2.13.2') },
					{ at: 0.35, call: usersAuth, headers: header('junk, 10.2.13.1, 10.2.13.9') },
					{ at: 0.4, call: usersAuth, headers: header('10.2.13.1') },
					{ at: 0.45, call: usersAuth, headers: header('10.2.13.2, 10.2.13.1') },
				],
			},
			{
				name: 'excluded addresses and subnets are never limited',
				steps: [
					{ at: 0.3, call: usersAuth, times: 5, headers: header('10.2.200.7') },
					{ at: 0.4, call: usersAuth, times: 5, headers: header('10.2.201.5') },
					{ at: 0.5, call: usersAuth, times: 3, headers: header('10.2.201.6') },
				],
			},
			{
				name: 'a METHOD /exact/path label wins over /api/',
				key: '10.2.15.1',
				steps: [
					{ at: 0.3, call: health, times: 2 },
					{ at: 0.4, call: settingsApi, times: 4 },
					{ at: 2.3, call: health, times: 2 },
				],
			},
			{
				name: 'signing in while signed in counts as @auth',
				key: '10.2.16.1',
				steps: [
					{ at: 0.3, call: usersAuth, times: 3 },
					{ at: 0.4, call: usersAuth, times: 5, caller: 'user' },
				],
			},
			{
				name: 'no create rule: creates fall through to /api/, per collection',
				key: '10.2.17.1',
				steps: [
					{ at: 0.3, call: createNote, times: 4 },
					{ at: 0.4, call: listNotes, times: 4 },
				],
			},
			{
				name: 'three windows in a row',
				key: '10.2.18.1',
				steps: [
					{ at: 0.3, call: usersAuth, times: 3 },
					{ at: 3.3, call: usersAuth, times: 3 },
					{ at: 5.8, call: usersAuth },
					{ at: 6.2, call: usersAuth, times: 3 },
				],
			},
		],
	},
	{
		name: 'the playground’s own rules, keyed by TCP peer and by the server header',
		settings: {
			rateLimits: { enabled: true, excludedIPs: [], rules: playgroundRules },
			trustedProxy: { headers: ['X-Simulated-Server-IP'], useLeftmostIP: false },
		},
		sequences: [
			{
				name: 'one caller through every playground rule',
				steps: [
					{ at: 0.2, call: usersAuth, times: 3, headers: [] },
					{ at: 0.25, call: whoami, times: 11, headers: [] },
					{ at: 0.3, call: createNote, times: 21, headers: [] },
					{ at: 0.35, call: health, times: 3, headers: [] },
				],
			},
			{
				// PocketBase gets the marker, which the playground's hook rewrites into the one
				// server address it derives from the caller's (127.0.0.1): a key apart from the
				// caller's own, used by the sequence above. The model has no hooks and keys these
				// steps on the TCP peer; in this sequence's own model that is one key just the same.
				name: 'the simulated server’s address is one shared key',
				steps: [
					{ at: 0.3, call: usersAuth, times: 3, headers: [['X-Simulated-Server-IP', 'mine']] },
					{ at: 3.3, call: usersAuth, headers: [['X-Simulated-Server-IP', 'mine']] },
				],
			},
		],
	},
	{
		name: 'one-second windows, path prefixes, IPv6 keys',
		settings: {
			rateLimits: {
				enabled: true,
				excludedIPs: ['2001:db8:ff::/48', '10.4.0.0/16'],
				rules: [rule('*:auth', 1, 1), rule('GET /api/demo/', 2, 2), rule('/api/', 2, 3)],
			},
			trustedProxy: { headers: [testHeader], useLeftmostIP: false },
		},
		sequences: [
			{
				name: 'one per second: every new second opens a window',
				key: '10.5.21.1',
				steps: [
					{ at: 0.2, call: usersAuth, times: 2 },
					{ at: 1.2, call: usersAuth },
					{ at: 1.8, call: usersAuth },
					{ at: 2.2, call: usersAuth },
					{ at: 4.5, call: usersAuth, times: 2 },
				],
			},
			{
				name: 'two spellings of one IPv6 address share a key',
				steps: [
					{ at: 0.3, call: usersAuth, headers: header('2001:db8::1') },
					{ at: 0.4, call: usersAuth, headers: header('2001:0db8:0:0:0:0:0:1') },
					{ at: 0.5, call: usersAuth, headers: header('2001:db8::2') },
				],
			},
			{
				name: 'an IPv6 subnet is excluded; an IPv4-mapped address is not an IPv4 one',
				steps: [
					{ at: 0.3, call: listNotes, times: 4, headers: header('2001:db8:ff::5') },
					{ at: 0.4, call: listNotes, times: 3, headers: header('::ffff:10.4.1.1') },
					{ at: 0.5, call: listNotes, times: 4, headers: header('10.4.1.1') },
				],
			},
			{
				name: 'a METHOD /prefix/ label covers the routes under it',
				key: '10.5.24.1',
				steps: [
					{ at: 0.3, call: whoami, times: 3 },
					{ at: 0.4, call: health, times: 3 },
					{ at: 2.3, call: whoami, times: 3 },
				],
			},
		],
	},
];

/**
 * PocketBase 0.40's built-in rate limiter as a pure model: the same rule lookup, buckets,
 * client key and fixed windows, so a page can say exactly what the real one will do, and a
 * test can prove it (tests/rate-limiter-differential.spec.ts sends the same sequences to a
 * real PocketBase 0.40.4 and to this model and compares every answer).
 *
 * Line numbers refer to pocketbase/pocketbase at commit eade68d4 (2026-08-22, "v0.40.0 (WIP)"
 * on develop), a fixed commit so they stay true as the branch moves; these files are unchanged
 * from v0.39.11 except for settings_model.go's JSON encoding:
 *   apis/middlewares_rate_limit.go  (MRL), core/settings_model.go (SM),
 *   core/event_request.go (ER), tools/router/event.go, tools/router/error.go,
 *   apis/record_auth.go, apis/record_crud.go, apis/file.go.
 */
import {
	invalidIp,
	parseAddr,
	parsePrefix,
	prefixContains,
	sameAddr,
	stringExpanded,
} from './ip-address';

/** SM 710–714: '' is everyone, '@guest' only guests, '@auth' only signed-in callers. */
export type Audience = '' | '@guest' | '@auth';

/** SM 716–742 RateLimitRule. `duration` is in whole seconds. */
export interface RateLimitRule {
	label: string;
	audience: Audience;
	duration: number;
	maxRequests: number;
}

/** SM 603–607 RateLimitsConfig. */
export interface RateLimitsConfig {
	enabled: boolean;
	rules: readonly RateLimitRule[];
	excludedIPs: readonly string[];
}

/** SM 572–582 TrustedProxyConfig. */
export interface TrustedProxyConfig {
	headers: readonly string[];
	useLeftmostIP: boolean;
}

export interface LimiterSettings {
	rateLimits: RateLimitsConfig;
	trustedProxy: TrustedProxyConfig;
}

/** SM 177–185 newDefaultSettings(): the four default rules (the limiter itself ships off). */
export const pocketBaseDefaultRules: readonly RateLimitRule[] = [
	{ label: '*:auth', audience: '', duration: 3, maxRequests: 2 },
	{ label: '*:create', audience: '', duration: 5, maxRequests: 20 },
	{ label: '/api/batch', audience: '', duration: 1, maxRequests: 3 },
	{ label: '/api/', audience: '', duration: 10, maxRequests: 300 },
];

/**
 * The playground's rules (playground/pb_migrations/1732600200_rate_limits_and_proxy_header.js;
 * rate-limiter.test.ts runs that migration and fails if the two drift apart).
 */
export const playgroundRules: readonly RateLimitRule[] = [
	{ label: '*:auth', audience: '', duration: 3, maxRequests: 2 },
	{ label: '*:create', audience: '', duration: 5, maxRequests: 20 },
	{ label: '/api/batch', audience: '', duration: 1, maxRequests: 3 },
	{ label: '/api/demo/whoami', audience: '', duration: 10, maxRequests: 10 },
	{ label: '/api/', audience: '', duration: 10, maxRequests: 300 },
];

/**
 * SM 609–641 FindRateLimitRule, line for line: for each search label in order, first an exact
 * label match over all rules (in rule order), then a prefix match over the rules whose label
 * ends in "/" (collected while looking at the first label), tested as `label + "/"` so that
 * "/api/" also matches "/api". A rule counts only if its audience is one of `audiences`.
 */
export function findRateLimitRule(
	rules: readonly RateLimitRule[],
	searchLabels: readonly string[],
	audiences: readonly Audience[] = []
): RateLimitRule | undefined {
	const audienceOk = (rule: RateLimitRule) =>
		audiences.length === 0 || audiences.includes(rule.audience);
	const prefixRules: RateLimitRule[] = [];
	for (let i = 0; i < searchLabels.length; i++) {
		const label = searchLabels[i]!;
		for (const rule of rules) {
			if (label === rule.label && audienceOk(rule)) return rule;
			if (i === 0 && rule.label.endsWith('/')) prefixRules.push(rule);
		}
		for (const rule of prefixRules) {
			if ((label + '/').startsWith(rule.label) && audienceOk(rule)) return rule;
		}
	}
	return undefined;
}

/** A request header as sent: one entry per occurrence, in order. */
export type HeaderLine = readonly [name: string, value: string];

/** Go's Header.Values(h): every occurrence, whatever the letter case of the name. */
function headerValues(headers: readonly HeaderLine[], name: string): string[] {
	const wanted = name.toLowerCase();
	return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, value]) => value);
}

/** tools/router/event.go 94–98 RemoteIP: the TCP peer, as netip prints it. */
export function remoteIp(remoteAddr: string): string {
	// net.SplitHostPort: "host:port" or "[v6]:port".
	const match = /^\[([^\]]*)\]:[^:]*$/.exec(remoteAddr) ?? /^([^:]*):[^:]*$/.exec(remoteAddr);
	const addr = match ? parseAddr(match[1]!) : undefined;
	return addr ? stringExpanded(addr) : invalidIp;
}

/**
 * ER 40–75 RealIP: the first trusted header (in the configured order) whose **last occurrence**
 * holds a parseable IP among its comma-separated entries, searched from the right (or from the
 * left with useLeftmostIP); otherwise the TCP peer. A header whose last occurrence is empty or
 * holds no IP is passed over, even if an earlier occurrence held one.
 */
export function realIp(
	trustedProxy: TrustedProxyConfig,
	remoteAddr: string,
	headers: readonly HeaderLine[] = []
): string {
	for (const name of trustedProxy.headers) {
		const values = headerValues(headers, name);
		if (values.length === 0) continue;
		const last = values[values.length - 1]!;
		if (last === '') continue;
		const entries = last.split(',');
		const order = trustedProxy.useLeftmostIP ? entries : [...entries].reverse();
		for (const entry of order) {
			const addr = parseAddr(entry.trim());
			if (addr) return stringExpanded(addr);
		}
	}
	return remoteIp(remoteAddr);
}

/** MRL 111–143 isIPInList: an exact address or a CIDR subnet; bad entries are passed over. */
export function isIpInList(ipsOrSubnets: readonly string[], ip: string): boolean {
	if (ipsOrSubnets.length === 0 || ip === '') return false;
	const search = parseAddr(ip);
	if (!search) return false;
	for (const item of ipsOrSubnets) {
		const prefix = parsePrefix(item);
		if (prefix) {
			if (prefixContains(prefix, search)) return true;
			continue;
		}
		const addr = parseAddr(item);
		if (addr && sameAddr(addr, search)) return true;
	}
	return false;
}

/**
 * The collection routes that carry their own rate-limit tags (apis/record_auth.go 22–66,
 * apis/record_crud.go 28–33 with the inlined checks at 42, 150, 220, 403, 542, apis/file.go 45),
 * with the route pattern Go's ServeMux reports as `e.Request.Pattern`.
 */
export const collectionRoutes = {
	listAuthMethods: { method: 'GET', path: '/auth-methods', tags: ['listAuthMethods'] },
	authRefresh: { method: 'POST', path: '/auth-refresh', tags: ['authRefresh'] },
	authWithPassword: {
		method: 'POST',
		path: '/auth-with-password',
		tags: ['authWithPassword', 'auth'],
	},
	authWithOAuth2: { method: 'POST', path: '/auth-with-oauth2', tags: ['authWithOAuth2', 'auth'] },
	requestOTP: { method: 'POST', path: '/request-otp', tags: ['requestOTP'] },
	authWithOTP: { method: 'POST', path: '/auth-with-otp', tags: ['authWithOTP', 'auth'] },
	requestPasswordReset: {
		method: 'POST',
		path: '/request-password-reset',
		tags: ['requestPasswordReset'],
	},
	confirmPasswordReset: {
		method: 'POST',
		path: '/confirm-password-reset',
		tags: ['confirmPasswordReset'],
	},
	requestVerification: {
		method: 'POST',
		path: '/request-verification',
		tags: ['requestVerification'],
	},
	confirmVerification: {
		method: 'POST',
		path: '/confirm-verification',
		tags: ['confirmVerification'],
	},
	requestEmailChange: {
		method: 'POST',
		path: '/request-email-change',
		tags: ['requestEmailChange'],
	},
	confirmEmailChange: {
		method: 'POST',
		path: '/confirm-email-change',
		tags: ['confirmEmailChange'],
	},
	list: { method: 'GET', path: '/records', tags: ['list'] },
	view: { method: 'GET', path: '/records/{id}', tags: ['view'] },
	create: { method: 'POST', path: '/records', tags: ['create'] },
	update: { method: 'PATCH', path: '/records/{id}', tags: ['update'] },
	delete: { method: 'DELETE', path: '/records/{id}', tags: ['delete'] },
	file: { method: 'GET', path: '/{recordId}/{filename}', tags: ['file'] },
} as const satisfies Record<string, { method: string; path: string; tags: readonly string[] }>;

export type CollectionRouteName = keyof typeof collectionRoutes;

/** Who the request is from, as far as the limiter cares (e.Auth in ER). */
export type Caller = 'guest' | 'user' | 'superuser';

export interface LimiterRequest {
	method: string;
	/** The URL path, without the query. */
	path: string;
	/** For a collection route: its collection and which route it is. */
	collection?: { id: string; name: string; route: CollectionRouteName } | undefined;
	caller: Caller;
	/** The TCP peer, "ip:port" or "[ipv6]:port". */
	remoteAddr: string;
	headers?: readonly HeaderLine[] | undefined;
}

/** Go's ServeMux pattern for a collection route (tools/router/router.go 92–123). */
export function routePattern(route: CollectionRouteName): string {
	const { method, path } = collectionRoutes[route];
	const base = route === 'file' ? '/api/files/{collection}' : '/api/collections/{collection}';
	return `${method} ${base}${path}`;
}

/** A request to a collection route, with the path a real client would send. */
export function collectionRequest(
	route: CollectionRouteName,
	collection: { id: string; name: string },
	options: {
		caller?: Caller;
		remoteAddr: string;
		headers?: readonly HeaderLine[];
		recordId?: string;
	}
): LimiterRequest {
	const { method, path } = collectionRoutes[route];
	const recordId = options.recordId ?? 'abc123def456ghi';
	const filled = path
		.replace('{id}', recordId)
		.replace('{recordId}', recordId)
		.replace('{filename}', 'file.txt');
	const base = route === 'file' ? '/api/files/' : '/api/collections/';
	return {
		method,
		path: `${base}${collection.name}${filled}`,
		collection: { ...collection, route },
		caller: options.caller ?? 'guest',
		remoteAddr: options.remoteAddr,
		headers: options.headers,
	};
}

/** tools/router/error.go 111–117 and the ApiError JSON: what a refused request gets. */
export const tooManyRequests = {
	status: 429,
	body: { data: {}, message: 'Too Many Requests.', status: 429 },
	/** The exact bytes PocketBase writes (field order of its JSON encoder). */
	bodyText: '{"data":{},"message":"Too Many Requests.","status":429}',
} as const;

export type Decision =
	| { allowed: true; reason: 'disabled' | 'superuser' | 'excluded'; key: string }
	| { allowed: true; reason: 'no-rule'; key: string }
	| {
			allowed: boolean;
			reason: 'counted';
			key: string;
			rule: RateLimitRule;
			bucket: string;
			/** Requests left in the key's current window after this one. */
			remaining: number;
			/** Unix second the key's current window started. */
			windowStart: number;
	  };

/** Where a request is counted, before any counting: what `check` decides without state. */
export type Resolution =
	| { skip: 'disabled' | 'superuser' | 'excluded'; key: string }
	| { skip: 'no-rule'; key: string }
	| { skip: false; key: string; rule: RateLimitRule; bucket: string };

/**
 * One key's window (MRL 333–342 rateClient). `start` is a Unix second; a fresh client starts
 * at 0 with nothing available, so its first request always opens a window.
 */
export interface WindowState {
	start: number;
	available: number;
}

/**
 * MRL 357–375 consume(): a fixed window in whole Unix seconds. The window opens at the
 * first request after the previous one expired, at that request's whole second
 * (`time.Now().Unix()`), and lasts `interval` seconds from there, so a request late in a
 * second opens a window that is really shorter than `interval`. A refused request changes
 * nothing. Returns whether the request is allowed.
 */
export function consumeWindow(
	state: WindowState,
	maxAllowed: number,
	interval: number,
	nowUnix: number
): boolean {
	if (nowUnix - state.start >= interval) {
		state.available = maxAllowed;
		state.start = nowUnix;
	}
	if (state.available > 0) {
		state.available--;
		return true;
	}
	return false;
}

/** MRL 248–266: one limiter per bucket, sized by the rule that created it. */
interface Limiter {
	maxAllowed: number;
	interval: number;
	clients: Map<string, WindowState>;
}

/** MRL 197–206 defaultRateLimitAudience. */
function audiencesFor(caller: Caller): readonly Audience[] {
	return caller === 'guest' ? ['', '@guest'] : ['', '@auth'];
}

/** MRL 208–210 defaultRateLimitLabels. */
function defaultLabels(request: LimiterRequest): string[] {
	return [`${request.method} ${request.path}`, request.path];
}

/**
 * The limiter's state for one PocketBase process. Saving settings resets it (MRL 230–243:
 * OnSettingsReload destroys the store), which `reset` models. The hourly cleanup (MRL
 * 219–228, 346–351) only drops clients whose window ended over 30 minutes ago; a dropped
 * client behaves exactly like a kept, expired one, so the model keeps them all.
 */
export class RateLimiterModel {
	#settings: LimiterSettings;
	#limiters = new Map<string, Limiter>();

	constructor(settings: LimiterSettings) {
		this.#settings = settings;
	}

	get settings(): LimiterSettings {
		return this.#settings;
	}

	/** Saving settings in PocketBase: new settings, every counter gone. */
	reset(settings: LimiterSettings = this.#settings): void {
		this.#settings = settings;
		this.#limiters.clear();
	}

	/**
	 * Which bucket and rule a request falls under, and under which key, without counting it:
	 * MRL 191–195 skipRateLimit, then MRL 28–51 (global routes, bucket = label + audience) or
	 * MRL 81–108 (collection routes, bucket = collection id + route pattern + tags + audience,
	 * the global limiter being replaced on those routes by the same middleware id).
	 */
	resolve(request: LimiterRequest): Resolution {
		const { rateLimits, trustedProxy } = this.#settings;
		const key = realIp(trustedProxy, request.remoteAddr, request.headers);
		if (!rateLimits.enabled) return { skip: 'disabled', key };
		// ER 78–80 HasSuperuserAuth.
		if (request.caller === 'superuser') return { skip: 'superuser', key };
		if (isIpInList(rateLimits.excludedIPs, key)) return { skip: 'excluded', key };

		const audiences = audiencesFor(request.caller);
		let labels = defaultLabels(request);
		let bucketBase: string | undefined;
		if (request.collection) {
			const { id, name, route } = request.collection;
			const tags = collectionRoutes[route].tags;
			bucketBase = id + routePattern(route) + tags.join('');
			labels = [
				...tags.map((tag) => `${name}:${tag}`),
				...tags.map((tag) => `*:${tag}`),
				...labels,
			];
		}
		const rule = findRateLimitRule(rateLimits.rules, labels, audiences);
		if (!rule) return { skip: 'no-rule', key };
		const bucket = (bucketBase ?? rule.label) + rule.audience;
		return { skip: false, key, rule, bucket };
	}

	/** One request at `nowMs` (milliseconds since the Unix epoch): allowed or refused. */
	check(request: LimiterRequest, nowMs: number): Decision {
		const resolution = this.resolve(request);
		if (resolution.skip !== false) {
			return { allowed: true, reason: resolution.skip, key: resolution.key };
		}
		const { rule, bucket, key } = resolution;
		// MRL 170–172: the limiter is created by the first rule that reaches the bucket.
		let limiter = this.#limiters.get(bucket);
		if (!limiter) {
			limiter = { maxAllowed: rule.maxRequests, interval: rule.duration, clients: new Map() };
			this.#limiters.set(bucket, limiter);
		}
		// MRL 178–182: an empty key is let through (RemoteIP never returns one; see invalidIp).
		if (key === '') return { allowed: true, reason: 'no-rule', key };
		let client = limiter.clients.get(key);
		if (!client) {
			client = { start: 0, available: 0 };
			limiter.clients.set(key, client);
		}
		// time.Now().Unix() truncates toward zero; for any time after 1970 that is floor.
		const allowed = consumeWindow(
			client,
			limiter.maxAllowed,
			limiter.interval,
			Math.floor(nowMs / 1000)
		);
		return {
			allowed,
			reason: 'counted',
			key,
			rule,
			bucket,
			remaining: client.available,
			windowStart: client.start,
		};
	}
}

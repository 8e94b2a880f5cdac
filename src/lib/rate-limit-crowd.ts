/**
 * A crowd of readers using a site for a while, counted by PocketBase's rate limiter four ways:
 * each browser calling PocketBase directly, everyone through one server, the server forwarding
 * each reader's address in a header PocketBase trusts, and the server's address excluded from
 * the limiter. Every request goes through the rate-limiter model (rate-limiter.ts): the model
 * decides which rule and bucket a request falls in and under which key, and its own fixed
 * window (`consumeWindow`) counts it. Nothing here talks to PocketBase.
 *
 * It runs in slices (`advance`) so a page can show progress and stay responsive; the same
 * seed gives the same crowd in every browser and in tests.
 */
import {
	collectionRequest,
	consumeWindow,
	playgroundRules,
	pocketBaseDefaultRules,
	RateLimiterModel,
	type Caller,
	type LimiterRequest,
	type LimiterSettings,
	type RateLimitRule,
	type Resolution,
	type WindowState,
} from './rate-limiter';
import { mulberry32 } from './seeded-random';

export const crowdModes = ['direct', 'server', 'forwarded', 'excluded'] as const;
export type CrowdMode = (typeof crowdModes)[number];

export const crowdPatterns = ['sign-in-rush', 'page-views', 'creates'] as const;
export type CrowdPattern = (typeof crowdPatterns)[number];

export interface CrowdSettings {
	readers: number;
	seconds: number;
	pattern: CrowdPattern;
	/** sign-in-rush: every reader signs in once within the first this many seconds. */
	rushSeconds: number;
	/** page-views: list requests per reader per minute (a Poisson process). */
	viewsPerMinute: number;
	/** creates: record creations per reader per minute (a Poisson process). */
	createsPerMinute: number;
	rules: readonly RateLimitRule[];
	seed: number;
}

export const ruleSets = {
	pocketbase: pocketBaseDefaultRules,
	playground: playgroundRules,
} as const;

/** The header the forwarding server writes the reader's address into. */
export const forwardedHeader = 'X-Real-IP';

/** Collections the crowd uses (ids only name buckets). */
const users = { id: '_pb_users_auth_', name: 'users' };
const articles = { id: 'pbc_articles', name: 'articles' };
const notes = { id: 'pbc_notes', name: 'notes' };

/** The modelled deployment's server: one address (RFC 5737 documentation range) for all readers. */
const serverIp = '203.0.113.10';

/** Reader i's own address (100.64.0.0/10, shared address space, as a carrier might hand out). */
export function readerIp(index: number): string {
	return `100.${64 + ((index >> 16) & 63)}.${(index >> 8) & 255}.${index & 255}`;
}

/** The settings PocketBase would run with in each mode. */
export function modeSettings(mode: CrowdMode, rules: readonly RateLimitRule[]): LimiterSettings {
	return {
		rateLimits: {
			enabled: true,
			rules,
			excludedIPs: mode === 'excluded' ? [serverIp] : [],
		},
		trustedProxy: { headers: mode === 'forwarded' ? [forwardedHeader] : [], useLeftmostIP: false },
	};
}

/** The request reader `index` makes for `pattern`, as PocketBase receives it in `mode`. */
export function crowdRequest(
	mode: CrowdMode,
	pattern: CrowdPattern,
	index: number
): LimiterRequest {
	const direct = mode === 'direct';
	const remoteAddr = `${direct ? readerIp(index) : serverIp}:443`;
	const headers =
		mode === 'forwarded' ? ([[forwardedHeader, readerIp(index)]] as const) : undefined;
	const caller: Caller = pattern === 'sign-in-rush' ? 'guest' : 'user';
	const route =
		pattern === 'sign-in-rush' ? 'authWithPassword' : pattern === 'page-views' ? 'list' : 'create';
	const collection =
		pattern === 'sign-in-rush' ? users : pattern === 'page-views' ? articles : notes;
	return collectionRequest(route, collection, {
		caller,
		remoteAddr,
		...(headers ? { headers } : {}),
	});
}

export interface ModeTotals {
	requests: number;
	refused: number;
	/** Readers who met at least one 429. */
	readersRefused: number;
	/** Seconds into the run of the first 429, if any. */
	firstRefusedAt: number | undefined;
	/** How the model placed the crowd's requests: skipped, or counted under which rule. */
	resolution: Resolution;
	/** Distinct client keys PocketBase counted (1 for one server, K when each has their own). */
	keys: number;
}

export interface CrowdResult {
	settings: CrowdSettings;
	binSeconds: number;
	bins: number;
	/** Per mode: allowed and refused requests per time bin. */
	allowed: Record<CrowdMode, Int32Array>;
	refused: Record<CrowdMode, Int32Array>;
	totals: Record<CrowdMode, ModeTotals>;
	/** A password-guessing script at `attackPerSecond` for the whole run: attempts let through. */
	attack: Record<CrowdMode, number>;
}

/** A password-guessing script's rate, for the summary's "what protection is left" line. */
export const attackPerSecond = 10;

/** An arbitrary whole Unix second for the run's start (windows are counted in whole seconds). */
const startUnix = 1_700_000_000;

/** Chart resolution: at most this many bins, each a whole number of seconds. */
export const maxBins = 120;

interface Events {
	/** Whole second of each event, sorted ascending. */
	second: Int32Array;
	reader: Int32Array;
}

/** Every reader's requests over the run, in time order. */
export function crowdEvents(settings: CrowdSettings): Events {
	const random = mulberry32(settings.seed);
	const { readers: count, seconds } = settings;
	if (settings.pattern === 'sign-in-rush') {
		// A triangular rush: arrivals rise to a peak a third of the way in, then tail off.
		const width = Math.min(settings.rushSeconds, seconds);
		const peak = width / 3;
		const times = new Float64Array(count);
		for (let i = 0; i < count; i++) {
			const u = random();
			const t =
				u < 1 / 3
					? Math.sqrt(u * width * peak)
					: width - Math.sqrt((1 - u) * width * (width - peak));
			times[i] = Math.min(t, seconds - 1e-9);
		}
		// Readers in order of arrival: sort their indexes by time.
		const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => times[a]! - times[b]!);
		return {
			second: Int32Array.from(order, (i) => Math.floor(times[i]!)),
			reader: Int32Array.from(order),
		};
	}
	// K readers each making requests as a Poisson process of rate r are, together, one Poisson
	// process of rate K·r whose every request comes from a reader picked at random: the same
	// crowd, generated already in time order.
	const perMinute =
		settings.pattern === 'page-views' ? settings.viewsPerMinute : settings.createsPerMinute;
	const rate = (count * perMinute) / 60;
	let capacity = Math.ceil(rate * seconds * 1.1) + 16;
	let second = new Int32Array(capacity);
	let reader = new Int32Array(capacity);
	let n = 0;
	for (let t = -Math.log(1 - random()) / rate; t < seconds; t += -Math.log(1 - random()) / rate) {
		if (n === capacity) {
			capacity *= 2;
			const grownSecond = new Int32Array(capacity);
			const grownReader = new Int32Array(capacity);
			grownSecond.set(second);
			grownReader.set(reader);
			second = grownSecond;
			reader = grownReader;
		}
		second[n] = Math.floor(t);
		reader[n] = Math.floor(random() * count);
		n++;
	}
	return { second: second.subarray(0, n), reader: reader.subarray(0, n) };
}

interface ModeState {
	mode: CrowdMode;
	resolution: Resolution;
	/** One window per client key: per reader, or one for the server. */
	windows: WindowState[] | undefined;
	perReaderKey: boolean;
	refusedReaders: Uint8Array;
}

/** The guessing script's request number `i` in `mode`, as PocketBase receives it. */
function attackRequest(mode: CrowdMode, i: number): LimiterRequest {
	// Direct and through the server the script has one address; with a trusted header it talks
	// to PocketBase directly and writes a new address into the header every time.
	if (mode === 'forwarded') {
		return collectionRequest('authWithPassword', users, {
			remoteAddr: '192.0.2.66:443',
			headers: [[forwardedHeader, readerIp(i)]],
		});
	}
	return collectionRequest('authWithPassword', users, {
		remoteAddr: `${mode === 'direct' ? '192.0.2.66' : serverIp}:443`,
	});
}

/**
 * Attempts a guessing script gets through in each mode, on its own. The model places its
 * requests (rule, bucket, key); a key that changes with every request gets a fresh window each
 * time, exactly as the model's per-key state would give it.
 */
export function attackThrough(mode: CrowdMode, settings: CrowdSettings): number {
	const model = new RateLimiterModel(modeSettings(mode, settings.rules));
	const first = model.resolve(attackRequest(mode, 0));
	const total = Math.round(settings.seconds * attackPerSecond);
	if (first.skip !== false) return total;
	const freshKeys = model.resolve(attackRequest(mode, 1)).key !== first.key;
	const { maxRequests, duration } = first.rule;
	const shared: WindowState = { start: 0, available: 0 };
	let through = 0;
	for (let i = 0; i < total; i++) {
		const window = freshKeys ? { start: 0, available: 0 } : shared;
		const second = startUnix + Math.floor(i / attackPerSecond);
		if (consumeWindow(window, maxRequests, duration, second)) through++;
	}
	return through;
}

export class CrowdRun {
	readonly settings: CrowdSettings;
	readonly events: Events;
	readonly binSeconds: number;
	readonly bins: number;
	#next = 0;
	#modes: ModeState[];
	#allowed = {} as Record<CrowdMode, Int32Array>;
	#refused = {} as Record<CrowdMode, Int32Array>;
	#counts = {} as Record<CrowdMode, { requests: number; refused: number; first?: number }>;

	constructor(settings: CrowdSettings) {
		this.settings = settings;
		this.events = crowdEvents(settings);
		this.binSeconds = Math.max(1, Math.ceil(settings.seconds / maxBins));
		this.bins = Math.ceil(settings.seconds / this.binSeconds);
		this.#modes = crowdModes.map((mode) => {
			const model = new RateLimiterModel(modeSettings(mode, settings.rules));
			const resolution = model.resolve(crowdRequest(mode, settings.pattern, 0));
			// Whether each reader is a key of its own: ask the model about a second reader.
			const other = model.resolve(crowdRequest(mode, settings.pattern, 1));
			const perReaderKey = other.key !== resolution.key;
			const keys = perReaderKey ? settings.readers : 1;
			const windows =
				resolution.skip === false
					? Array.from({ length: keys }, () => ({ start: 0, available: 0 }))
					: undefined;
			this.#allowed[mode] = new Int32Array(this.bins);
			this.#refused[mode] = new Int32Array(this.bins);
			this.#counts[mode] = { requests: 0, refused: 0 };
			return {
				mode,
				resolution,
				windows,
				perReaderKey,
				refusedReaders: new Uint8Array(settings.readers),
			};
		});
	}

	get total(): number {
		return this.events.second.length;
	}

	get done(): boolean {
		return this.#next >= this.total;
	}

	/** Share of the crowd's requests counted so far, 0–1. */
	get progress(): number {
		return this.total === 0 ? 1 : this.#next / this.total;
	}

	/** Counts up to `maxEvents` more requests in every mode. */
	advance(maxEvents = Number.POSITIVE_INFINITY): void {
		const end = Math.min(this.total, this.#next + maxEvents);
		const { second, reader } = this.events;
		for (const state of this.#modes) {
			const allowedBins = this.#allowed[state.mode];
			const refusedBins = this.#refused[state.mode];
			const counts = this.#counts[state.mode];
			const { resolution, windows, perReaderKey, refusedReaders } = state;
			const max = resolution.skip === false ? resolution.rule.maxRequests : 0;
			const interval = resolution.skip === false ? resolution.rule.duration : 0;
			const keyOf = perReaderKey ? reader : undefined;
			const binSeconds = this.binSeconds;
			let refusedCount = 0;
			for (let i = this.#next; i < end; i++) {
				const s = second[i]!;
				const bin = (s / binSeconds) | 0;
				if (
					!windows ||
					consumeWindow(windows[keyOf ? keyOf[i]! : 0]!, max, interval, startUnix + s)
				) {
					allowedBins[bin]!++;
				} else {
					refusedBins[bin]!++;
					refusedCount++;
					counts.first ??= s;
					refusedReaders[reader[i]!] = 1;
				}
			}
			counts.requests += end - this.#next;
			counts.refused += refusedCount;
		}
		this.#next = end;
	}

	result(): CrowdResult {
		const totals = {} as Record<CrowdMode, ModeTotals>;
		const attack = {} as Record<CrowdMode, number>;
		for (const state of this.#modes) {
			const counts = this.#counts[state.mode];
			totals[state.mode] = {
				requests: counts.requests,
				refused: counts.refused,
				readersRefused: state.refusedReaders.reduce((sum, flag) => sum + flag, 0),
				firstRefusedAt: counts.first,
				resolution: state.resolution,
				keys: state.perReaderKey ? this.settings.readers : 1,
			};
			attack[state.mode] = attackThrough(state.mode, this.settings);
		}
		return {
			settings: this.settings,
			binSeconds: this.binSeconds,
			bins: this.bins,
			allowed: this.#allowed,
			refused: this.#refused,
			totals,
			attack,
		};
	}
}

/** The whole run at once (build time, tests, the bench). */
export function simulateCrowd(settings: CrowdSettings): CrowdResult {
	const run = new CrowdRun(settings);
	run.advance();
	return run.result();
}

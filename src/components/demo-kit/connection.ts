/**
 * The page's one connection to PocketBase, shared by the status element and every demo.
 * It decides which server to use, keeps its status, and hands out SDK clients. The SDK is
 * imported only when a demo first asks for a client, so a page that merely shows the status
 * loads none of it.
 */
import type PocketBase from 'pocketbase';
import { Atom } from '~/lib/atom';
import { probePocketBase } from '~/lib/connection-probe';
import {
	canRunDemos,
	demoControlsEnabled,
	rateLimited,
	type ConnectionStatus,
} from '~/lib/connection-status';
import type { Region, RegionChoice } from '~/lib/playground-regions';
import { checkPocketBaseUrl, resolvePocketBaseUrl, type UrlSource } from '~/lib/pocketbase-url';
import { forgetHosts, guardHost, memoryAccountHost, savedAccountHost } from './host-guard';
import { forgetNearestRegion, measureNearestRegion, siteRegions } from './regions';
import { recordCall, recordCalls, type RoundTrips } from '~/lib/round-trips';
import { keepRoundTrips, loadRoundTrips } from './round-trip-log';
import { describeFailure, toRequestFailure, type FailureText } from '~/lib/request-error';
import { simulatedServerHeader, simulatedServerMarker } from '~/lib/simulated-server';
import { viaTransport } from './recorded-transport';

export interface ConnectionSnapshot {
	url: string;
	source: UrlSource;
	/** Problems with addresses that were ignored (a bad ?pb=, say). */
	problems: string[];
	status: ConnectionStatus;
	checkedAt: number | undefined;
	/** The site's playgrounds, one per region (none when it names a single one). */
	regions: readonly Region[];
	/** With several playgrounds: which one the page picked, why, and the round trips that decided. */
	choice: RegionChoice | undefined;
	/** The round trips this tab measured to each server (round-trips.ts). */
	roundTrips: RoundTrips;
	/** The playground host that made the last health answer, when the deploy names it. */
	host: string | undefined;
}

/** What follows from the reader's settings alone: the server, its source and its status. */
type ResolvedServer = Pick<ConnectionSnapshot, 'url' | 'source' | 'problems' | 'status'>;

const savedKey = 'pb-guide:pocketbase-url';
/** While PocketBase is not usable, look again this often so the page recovers by itself. */
const retryMs = 3000;
/** While it is, look again now and then so a stopped server is noticed. */
const refreshMs = 30_000;

const checking: ConnectionStatus = {
	state: 'checking',
	title: 'Checking PocketBase…',
	detail: '',
	advice: '',
};

const measuring: ConnectionStatus = {
	...checking,
	title: 'Measuring the round trip to each playground…',
};

/**
 * The server to use: the reader's own (`?pb=`, then the saved one), else the nearest of the
 * site's playgrounds when it names several (measured once watching starts), else its default.
 */
function resolveServer(query: string | null, saved: string | null): ResolvedServer {
	const resolved = resolvePocketBaseUrl({
		query,
		saved,
		buildDefault: import.meta.env.PUBLIC_POCKETBASE_URL,
	});
	const regions = siteRegions();
	const first = regions.regions[0];
	if (resolved.source !== 'default' || !first) {
		return { ...resolved, status: checking };
	}
	return {
		url: first.url,
		source: 'region',
		problems: [...resolved.problems, ...regions.problems],
		status: measuring,
	};
}

function initialSnapshot(): ConnectionSnapshot {
	return {
		...resolveServer(new URLSearchParams(location.search).get('pb'), readSaved()),
		checkedAt: undefined,
		regions: siteRegions().regions,
		choice: undefined,
		roundTrips: loadRoundTrips(),
		host: undefined,
	};
}

function readSaved(): string | null {
	try {
		return localStorage.getItem(savedKey);
	} catch {
		return null;
	}
}

export const connection = new Atom<ConnectionSnapshot>(initialSnapshot());

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<ConnectionStatus> | undefined;
/** The measurement of the site's playgrounds, while it runs: probes wait for its choice. */
let choosing: Promise<void> | undefined;

/** Measures the site's playgrounds and switches to the nearest, unless the reader chose meanwhile. */
function chooseRegion(): Promise<void> {
	choosing = measureNearestRegion(siteRegions().regions).then(({ choice, measured }) => {
		choosing = undefined;
		const log = measured.reduce(
			(next, m) => recordCalls(next, m.region.url, m),
			connection.get().roundTrips
		);
		const snapshot = { ...connection.get(), roundTrips: keep(log) };
		if (!choice || snapshot.source !== 'region') return connection.set(snapshot);
		if (choice.region.url !== snapshot.url) dropClients();
		connection.set({ ...snapshot, url: choice.region.url, choice });
	});
	return choosing;
}

/** Keeps the log for the next pages of this tab, and returns it. */
function keep(log: RoundTrips): RoundTrips {
	keepRoundTrips(log);
	return log;
}

/** The log with a health probe's answer: its time when the demos can use it, else no answer. */
function withProbe(url: string, status: ConnectionStatus): RoundTrips {
	const ms = demoControlsEnabled(status.state) ? status.elapsedMs : undefined;
	return keep(recordCall(connection.get().roundTrips, url, ms));
}

function probe(url: string): Promise<ConnectionStatus> {
	return probePocketBase(url, {
		fetch: fetch.bind(globalThis),
		now: () => performance.now(),
		pageUrl: location.href,
	});
}

/** Asks PocketBase for its health now, and schedules the next look. */
export function recheck(): Promise<ConnectionStatus> {
	if (inFlight) return inFlight;
	inFlight = (async () => {
		await choosing;
		const { url } = connection.get();
		const status = await probe(url);
		inFlight = undefined;
		const roundTrips = withProbe(url, status);
		// The server may have been changed while the probe was out.
		if (connection.get().url === url) {
			connection.set({
				...connection.get(),
				status,
				checkedAt: Date.now(),
				roundTrips,
				host: status.host,
			});
			schedule(canRunDemos(status.state) ? refreshMs : retryMs);
		} else {
			connection.set({ ...connection.get(), roundTrips });
		}
		return status;
	})();
	return inFlight;
}

function schedule(ms: number) {
	clearTimeout(timer);
	timer = setTimeout(() => void recheck(), ms);
}

let started = false;
/** Starts watching the connection (idempotent). */
export function startWatching(): void {
	if (started) return;
	started = true;
	if (connection.get().source === 'region') void chooseRegion();
	void recheck();
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void recheck();
	});
}

export type SaveResult = { ok: true; status: ConnectionStatus } | { ok: false; problem: string };

/**
 * Switches the demos to another PocketBase if it answers like one, and remembers the choice.
 * Anything else is refused with a reason and changes nothing.
 */
export async function useServer(input: string): Promise<SaveResult> {
	const check = checkPocketBaseUrl(input);
	if (!check.ok) return check;
	const status = await probe(check.url);
	connection.set({ ...connection.get(), roundTrips: withProbe(check.url, status) });
	if (!canRunDemos(status.state) && status.state !== 'rate-limited') {
		return {
			ok: false,
			problem: `Not switched: ${status.title}. ${status.detail} ${status.advice}`.trim(),
		};
	}
	try {
		localStorage.setItem(savedKey, check.url);
	} catch {
		// Private browsing without storage: the choice lasts for this page only.
	}
	dropQueryOverride();
	switchTo(check.url, 'saved', status);
	return { ok: true, status };
}

/** Forgets the saved server and any ?pb= override, and goes back to the site's default. */
export function useDefaultServer(): void {
	try {
		localStorage.removeItem(savedKey);
	} catch {
		// Nothing saved to forget.
	}
	dropQueryOverride();
	// Back to the site's playgrounds: measure them again, the nearest may have changed.
	forgetNearestRegion();
	const resolved = resolveServer(null, null);
	switchTo(resolved.url, resolved.source, resolved.status);
	if (resolved.source === 'region') void chooseRegion();
	void recheck();
}

function switchTo(url: string, source: UrlSource, status: ConnectionStatus) {
	dropClients();
	connection.set({
		...connection.get(),
		url,
		source,
		problems: [],
		status,
		checkedAt: Date.now(),
		choice: undefined,
		host: status.host,
	});
	schedule(canRunDemos(status.state) ? refreshMs : retryMs);
}

function dropClients() {
	clients = undefined;
	forgetHosts();
}

function dropQueryOverride() {
	const current = new URL(location.href);
	if (!current.searchParams.has('pb')) return;
	current.searchParams.delete('pb');
	history.replaceState(history.state, '', current);
}

/**
 * Demos report what their own requests met, so the status stays true between probes:
 * a 429 shows at once, and a failed request triggers a fresh look.
 */
export function reportResponse(status: number): void {
	const snapshot = connection.get();
	if (status === 429) {
		connection.set({ ...snapshot, status: rateLimited(), checkedAt: Date.now() });
		schedule(retryMs);
	} else if (status > 0 && !canRunDemos(snapshot.status.state)) {
		void recheck();
	}
}

/** A demo's request failed: a 429 shows at once, no answer at all triggers a fresh look. */
export async function reportFailure(error: unknown): Promise<void> {
	const { status } = toRequestFailure(error);
	if (status === 0) await recheck();
	else reportResponse(status);
}

interface Clients {
	url: string;
	direct: PocketBase;
	PocketBaseClass: typeof PocketBase;
	BaseAuthStore: typeof import('pocketbase').BaseAuthStore;
}
let clients: Clients | undefined;

/** Where the browser's client keeps its sign-in for a server. */
const authKey = (url: string) => `pb-guide:auth:${url}`;

async function loadClients(): Promise<Clients> {
	const { url } = connection.get();
	if (clients?.url === url) return clients;
	const sdk = await import('pocketbase');
	const PocketBaseClass = sdk.default;
	// One client for the page is the SDK's own advice for browsers; its token is kept per
	// server, so switching servers never sends one server's token to another.
	const direct = guardHost(
		viaTransport(new PocketBaseClass(url, new sdk.LocalAuthStore(authKey(url)))),
		savedAccountHost(`${authKey(url)}:host`)
	);
	clients = { url, direct, PocketBaseClass, BaseAuthStore: sdk.BaseAuthStore };
	return clients;
}

/** The browser's own SDK client for the current server. */
export async function directClient(): Promise<PocketBase> {
	return (await loadClients()).direct;
}

/**
 * Makes SDK clients as the simulated server would hold them: memory-only auth (as in Node)
 * and every request marked as the server's; the playground puts this reader's own server
 * address in place of the marker, so all the users one reader simulates share one address.
 */
export async function serverClientFactory(): Promise<() => PocketBase> {
	const { url, PocketBaseClass, BaseAuthStore } = await loadClients();
	return () => {
		const client = guardHost(
			viaTransport(new PocketBaseClass(url, new BaseAuthStore())),
			memoryAccountHost()
		);
		client.beforeSend = (requestUrl, options) => {
			const headers = new Headers(options.headers);
			headers.set(simulatedServerHeader, simulatedServerMarker);
			return { url: requestUrl, options: { ...options, headers: Object.fromEntries(headers) } };
		};
		return client;
	};
}

/**
 * Another browser's client for the current server: its own memory-only auth and no server
 * identity. For a demo that plays other users beside the reader (the user whose notes the
 * rules hide, several realtime streams) without touching the reader's own sign-in.
 */
export async function separateClient(): Promise<PocketBase> {
	const { url, PocketBaseClass, BaseAuthStore } = await loadClients();
	return guardHost(
		viaTransport(new PocketBaseClass(url, new BaseAuthStore())),
		memoryAccountHost()
	);
}

/**
 * Signs a client (the browser's own by default) in as a new throwaway user (the playground
 * deletes them within about an hour), and returns its sign-in for a demo that signs in again
 * itself. Rejects with the SDK's error when PocketBase refuses.
 */
export async function signInThrowawayUser(
	client?: PocketBase
): Promise<{ email: string; password: string }> {
	const pb = client ?? (await directClient());
	const email = `demo-${crypto.randomUUID().slice(0, 8)}@example.com`;
	const password = crypto.randomUUID();
	await pb.collection('users').create({ email, password, passwordConfirm: password });
	await pb.collection('users').authWithPassword(email, password);
	return { email, password };
}

/**
 * A demo's "sign in" button: signs the browser's client in as a new throwaway user and tells the
 * page's connection how PocketBase answered. Resolves to the sign-in, or to PocketBase's or the
 * network's failure in the reader's words.
 */
export async function signInFromButton(): Promise<
	{ ok: true; pb: PocketBase; email: string; password: string } | { ok: false; text: FailureText }
> {
	try {
		const pb = await directClient();
		const credentials = await signInThrowawayUser(pb);
		reportResponse(200);
		return { ok: true, pb, ...credentials };
	} catch (error) {
		await reportFailure(error);
		return { ok: false, text: describeFailure(toRequestFailure(error)) };
	}
}

/**
 * The browser's own client, signed in: as the throwaway user it already keeps, or as a new one.
 * For a demo whose calls need a user but not a particular one.
 */
export async function signedInClient(): Promise<PocketBase> {
	const pb = await directClient();
	if ((await signedInEmail()) === undefined) await signInThrowawayUser(pb);
	return pb;
}

/**
 * Whether the browser keeps a sign-in for the current server, read without loading the SDK,
 * so a fresh page stays light.
 */
export function hasStoredSignIn(): boolean {
	try {
		return Boolean(localStorage.getItem(authKey(connection.get().url)));
	} catch {
		return false;
	}
}

/** The signed-in throwaway user's email, without loading the SDK when nobody signed in. */
export async function signedInEmail(): Promise<string | undefined> {
	if (!hasStoredSignIn()) return undefined;
	const { authStore } = await directClient();
	return authStore.isValid && authStore.record
		? String(authStore.record['email'] ?? authStore.record.id)
		: undefined;
}

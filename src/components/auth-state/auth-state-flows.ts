/**
 * What the auth-state demo does with the real SDK: the reader's account and notes in the
 * browser, another user's note tried against the rules, and the cookie flow's page view
 * through the simulated server (each call timed by the kit's instrument), one at a time or
 * beside the direct path.
 */
import type { default as PocketBase, RecordOptions } from 'pocketbase';
import { cookieToSend } from '~/lib/auth-cookie';
import { toRequestFailure } from '~/lib/request-error';
import type { SimulatedServer } from '~/lib/simulated-server';
import {
	directClient,
	hasStoredSignIn,
	separateClient,
	signInThrowawayUser,
} from '../demo-kit/connection';
import { proxiedRequest, simulatedServer } from '../demo-kit/proxied-call';
import { timedCall } from '../demo-kit/timing';
import {
	pageViewHop,
	ruleAnswer,
	type PageViewSample,
	type PathTotals,
	type RuleProbe,
} from './auth-state-view';

const issuedKey = 'pb-guide:auth-issued-at';
let issuedAt: number | undefined;

/** Notes when the browser received its token, for the tab, so a reload still shows its lifetime. */
function rememberArrival() {
	issuedAt = Date.now();
	try {
		sessionStorage.setItem(issuedKey, String(issuedAt));
	} catch {
		// Without storage the lifetime is shown until the page is left.
	}
}

/** When the browser received its token, if this tab saw it arrive. */
export function tokenArrival(): number | undefined {
	if (issuedAt !== undefined) return issuedAt;
	try {
		const stored = Number(sessionStorage.getItem(issuedKey));
		if (stored > 0) issuedAt = stored;
	} catch {
		// No storage: no arrival remembered.
	}
	return issuedAt;
}

/** Creates an account, or signs in, with the reader's e-mail and password. */
export async function account(action: 'create' | 'sign-in', email: string, password: string) {
	const pb = await directClient();
	if (action === 'create') {
		await pb.collection('users').create({ email, password, passwordConfirm: password });
	} else {
		await pb.collection('users').authWithPassword(email, password);
		rememberArrival();
	}
}

/** A new throwaway account, signed in: its e-mail and password. */
export async function throwawayAccount(): Promise<{ email: string; password: string }> {
	const credentials = await signInThrowawayUser();
	rememberArrival();
	return credentials;
}

/** Deletes the reader's account (its notes go with it) and signs out. */
export async function deleteAccount() {
	const pb = await directClient();
	const id = pb.authStore.record?.id;
	if (id) await pb.collection('users').delete(id);
	pb.authStore.clear();
}

/** Who is signed in, and their token; the SDK loads only when a sign-in is stored or `known`. */
export async function session(known: boolean): Promise<{ email?: string; token: string }> {
	try {
		if (!hasStoredSignIn() && !known) return { token: '' };
		const { authStore } = await directClient();
		if (!authStore.isValid || !authStore.record) return { token: '' };
		return {
			email: String(authStore.record['email'] ?? authStore.record.id),
			token: authStore.token,
		};
	} catch {
		return { token: '' };
	}
}

export async function addNote(text: string) {
	const pb = await directClient();
	await pb.collection('notes').create({ text: text || 'A note', owner: pb.authStore.record?.id });
}

export async function listNotes() {
	return (await directClient()).collection('notes').getFullList({ sort: 'created' });
}

/** The HTTP status of a call that is expected to be refused. */
async function statusOf(call: () => Promise<unknown>): Promise<string> {
	try {
		await call();
		return ruleAnswer(200);
	} catch (error) {
		const { status } = toRequestFailure(error);
		if (status === 0) throw error;
		return ruleAnswer(status);
	}
}

/** Another throwaway user with a note, then the reader's three real attempts at it. */
export async function tryRules(): Promise<{
	answers: Record<RuleProbe, string>;
	email: string;
	noteId: string;
}> {
	const other = await separateClient();
	const { email } = await signInThrowawayUser(other);
	const otherId = other.authStore.record!.id;
	const note = await other
		.collection('notes')
		.create({ text: 'Someone else’s note', owner: otherId });
	other.authStore.clear();

	const pb = await directClient();
	const list = await pb
		.collection('notes')
		.getList(1, 20, { filter: pb.filter('owner = {:id}', { id: otherId }) });
	return {
		answers: {
			list: ruleAnswer(200, list.items.length),
			view: await statusOf(() => pb.collection('notes').getOne(note.id)),
			create: await statusOf(() =>
				pb.collection('notes').create({ text: 'Not mine', owner: otherId })
			),
		},
		email,
		noteId: note.id,
	};
}

/** One page view through the simulated server: the cookie flow of the SDK README. */
function pageView(server: SimulatedServer<PocketBase>, cookie: string) {
	return proxiedRequest(
		server,
		async (call, pb) => {
			const refresh = await call((client, marked) =>
				client.collection('users').authRefresh(marked as RecordOptions)
			);
			if (refresh.ok)
				await call((client, marked) => client.collection('notes').getFullList(marked));
			return pb.authStore.exportToCookie();
		},
		{ hop: pageViewHop(), signIn: { cookie } }
	);
}

export interface PageViewResult {
	ok: boolean;
	error?: unknown;
	/** The server's Set-Cookie, also when a call failed. */
	setCookie: string;
	/** PocketBase calls made, and the page view's time: the modelled hop plus each measured call. */
	calls: number;
	totalMs: number;
	sample: PageViewSample;
}

/**
 * The reader's browser and the simulated server: the browser holds the cookie the server set
 * (at first, what the sign-in route would have set) and sends it with each page view.
 */
export class CookieFlow {
	#cookie: string | undefined;

	/** The browser no longer holds a cookie (signed out, or the server refused it). */
	forget() {
		this.#cookie = undefined;
	}

	async #browserCookie(): Promise<string> {
		const pb = await directClient();
		this.#cookie ??= cookieToSend(pb.authStore.exportToCookie());
		return this.#cookie;
	}

	/** One page view; a refused one leaves the browser without a cookie. */
	async pageView(): Promise<PageViewResult> {
		const result = await this.#view(await simulatedServer('per-request'));
		if (!result.ok) this.forget();
		return result;
	}

	async #view(server: SimulatedServer<PocketBase>): Promise<PageViewResult> {
		const outcome = await pageView(server, await this.#browserCookie());
		const setCookie = outcome.response ?? '';
		if (outcome.ok) this.#cookie = cookieToSend(setCookie);
		const result: PageViewResult = {
			ok: outcome.ok,
			setCookie,
			calls: outcome.calls.length,
			totalMs: outcome.totalMs,
			sample: {
				refreshMs: outcome.calls[0]?.measuredMs ?? 0,
				queryMs: outcome.calls[1]?.measuredMs ?? 0,
				hopMs: outcome.totalMs - outcome.measuredMs,
			},
		};
		if (!outcome.ok) result.error = outcome.error;
		return result;
	}

	/**
	 * `views` page views, each the page's query made directly and then through the server.
	 * Never rejects: the last failure comes back with the totals.
	 */
	async compare(
		views: number,
		progress: (view: number) => void
	): Promise<{ direct: PathTotals; proxy: PathTotals; setCookie: string; error?: unknown }> {
		const direct: PathTotals = { calls: 0, totalMs: 0, failures: 0 };
		const proxy: PathTotals = { calls: 0, totalMs: 0, failures: 0 };
		let setCookie = '';
		let error: unknown;
		try {
			const pb = await directClient();
			const server = await simulatedServer('per-request');
			for (let view = 0; view < views; view++) {
				progress(view);
				const call = await timedCall((marked) => pb.collection('notes').getFullList(marked));
				direct.calls++;
				direct.totalMs += call.measuredMs;
				if (!call.ok) {
					direct.failures++;
					error = call.error;
				}
				const result = await this.#view(server);
				proxy.calls += result.calls;
				proxy.totalMs += result.totalMs;
				setCookie = result.setCookie;
				if (!result.ok) {
					proxy.failures++;
					error = result.error;
				}
			}
		} catch (failure) {
			error = failure;
		}
		return { direct, proxy, setCookie, error };
	}
}

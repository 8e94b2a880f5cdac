/**
 * Keeps every demo run on one of the playground's hosts (src/lib/playground-host.ts says why).
 * Each SDK client the kit hands out gets an `afterSend` that reads which host answered: the
 * first answer from another host fails with words that say what happened, and a sign-in made on
 * the old host is dropped, so the reader's next sign-in starts clean on the new one.
 */
import type PocketBase from 'pocketbase';
import { hostHeader, hostMovedBody, judgeAnswer } from '~/lib/playground-host';

/** Sent on `document` when a sign-in is dropped because its host stopped: demos show the change. */
export const signInLostEvent = 'pb-guide:sign-in-lost';

/** The host that answered last on this page, for the current server. */
let lastHost: string | undefined;

/** Forgets the last host: the page switched to another server. */
export function forgetHosts(): void {
	lastHost = undefined;
}

/** Where a client keeps the host its sign-in was made on. */
export interface AccountHost {
	get(): string | undefined;
	set(host: string | undefined): void;
}

/** For the memory-only clients: the sign-in lasts as long as the client. */
export function memoryAccountHost(): AccountHost {
	let host: string | undefined;
	return { get: () => host, set: (value) => (host = value) };
}

/** For the browser's own client, whose sign-in outlives the page: kept beside it. */
export function savedAccountHost(key: string): AccountHost {
	return {
		get: () => {
			try {
				return localStorage.getItem(key) ?? undefined;
			} catch {
				return undefined;
			}
		},
		set: (value) => {
			try {
				if (value === undefined) localStorage.removeItem(key);
				else localStorage.setItem(key, value);
			} catch {
				// No storage: the check then goes by the last host on this page.
			}
		},
	};
}

/** The SDK turns what afterSend throws into its ClientResponseError, with this status and body. */
class HostMovedError extends Error {
	readonly url: string;
	readonly status: number;
	readonly data: Record<string, unknown>;
	constructor(response: Response, data: Record<string, unknown>) {
		super(String(data['message']));
		this.url = response.url;
		this.status = response.status;
		this.data = data;
	}
}

/** Makes `pb` fail, instead of mixing hosts, when another of the playground's hosts answers. */
export function guardHost(pb: PocketBase, account: AccountHost): PocketBase {
	// The SDK saves a sign-in after the answer that carried it, so `lastHost` is its host.
	pb.authStore.onChange((token) => account.set(token ? lastHost : undefined));
	pb.afterSend = (response, data: unknown) => {
		const signedIn = pb.authStore.token !== '';
		const verdict = judgeAnswer(
			{ lastHost, accountHost: signedIn ? account.get() : undefined },
			response.headers.get(hostHeader)
		);
		lastHost = verdict.next.lastHost;
		if (verdict.kind === 'same') return data;
		if (verdict.accountLost) {
			pb.authStore.clear();
			document.dispatchEvent(new Event(signInLostEvent));
		}
		throw new HostMovedError(response, hostMovedBody(verdict.accountLost));
	};
	return pb;
}

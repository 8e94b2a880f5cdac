/**
 * Which of a playground's hosts answered, and what the page must do when that changes.
 *
 * A playground may be several PocketBase hosts behind one proxy (playground/deploy/): the proxy
 * keeps each reader on one host, which holds their throwaway user, notes, realtime stream and
 * rate-limit buckets, and names it in a response header. When that host stops, the proxy sends
 * the reader to another, which has never heard of their account. The page then must not carry
 * on as if nothing happened: the request that first meets the new host fails with words that
 * say why, the sign-in is dropped, and the next run starts clean on the new host. No demo run
 * mixes answers from two hosts.
 */

/** The header the deploy's proxy adds to every answer: the host that made it. */
export const hostHeader = 'X-Playground-Host';

export interface HostState {
	/** The host that answered last, on this page. */
	lastHost: string | undefined;
	/** The host the current sign-in was made on, if any. */
	accountHost: string | undefined;
}

export type HostVerdict =
	/** Same host, or no header (one PocketBase, or a reader's own server): carry on. */
	| { kind: 'same'; next: HostState }
	/** Another host answered: this request's run must stop; `accountLost` when a sign-in was on the old one. */
	| { kind: 'moved'; accountLost: boolean; next: HostState };

/** Judges one answer, given the host header it carried (null when it carried none). */
export function judgeAnswer(state: HostState, answeredBy: string | null): HostVerdict {
	if (answeredBy === null || answeredBy === '') return { kind: 'same', next: state };
	const reference = state.accountHost ?? state.lastHost;
	const next = { lastHost: answeredBy, accountHost: state.accountHost };
	if (reference === undefined || reference === answeredBy) return { kind: 'same', next };
	const accountLost = state.accountHost !== undefined;
	return { kind: 'moved', accountLost, next: { lastHost: answeredBy, accountHost: undefined } };
}

/** Marks PocketBase-shaped error bodies the page makes for a host change. */
const movedMarker = 'playgroundHostMoved';

/** The error body a request that met a new host fails with (read by request-error.ts). */
export function hostMovedBody(accountLost: boolean): Record<string, unknown> {
	const text = hostMovedText(accountLost);
	return { message: text.title, data: {}, [movedMarker]: accountLost ? 'account' : 'run' };
}

/** Whether an error body is one made by {@link hostMovedBody}, and if so whether an account was lost. */
export function readHostMoved(body: unknown): { accountLost: boolean } | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const mark = (body as Record<string, unknown>)[movedMarker];
	return mark === 'account' || mark === 'run' ? { accountLost: mark === 'account' } : undefined;
}

export function hostMovedText(accountLost: boolean): { title: string; advice: string } {
	return accountLost
		? {
				title: 'Your demo account was on a server that stopped.',
				advice:
					'The playground moved you to another of its servers, which does not know that account. Sign in again to carry on. (A change of your network address moves you too.)',
			}
		: {
				title: 'The playground server that answered this demo stopped.',
				advice:
					'The playground moved you to another of its servers. Run the demo again, so all its answers come from one server. (A change of your network address moves you too.)',
			};
}

/**
 * The simulated server's version of each hook route, as a SvelteKit or Next.js route would do
 * the job: its input check, then its PocketBase calls one after another. Each call is a
 * proxied call (the reader's sign-in forwarded, timed by the kit's instrument); the modelled
 * hop, which covers the whole request with all its calls, is waited out once, before the first.
 */
import type PocketBase from 'pocketbase';
import type { HopModel } from '~/lib/network-model';
import type { SimulatedServer } from '~/lib/simulated-server';
import { proxiedCall } from '../demo-kit/proxied-call';
import type { MarkedOptions } from '../demo-kit/timing';
import {
	answerLines,
	checkId,
	checkMinutes,
	checkText,
	minutesAgo,
	serverReceiptLines,
	serverStats,
	serverSummary,
	type RouteId,
} from './hook-routes-view';

/** A failure the server route itself raises before calling PocketBase (its input check). */
export class RouteRefusal extends Error {
	readonly status: 400 | 401;
	readonly response: { message: string };
	constructor(message: string, status: 400 | 401 = 400) {
		super(message);
		this.status = status;
		this.response = { message };
	}
}

/** One PocketBase call of the route, made by the server's client; throws what PocketBase did. */
type Call = <T>(call: (pb: PocketBase, marked: MarkedOptions) => Promise<T>) => Promise<T>;

export interface ServerRun {
	lines: string[];
	/** The modelled hop, waited out once. */
	hopMs: number;
	/** Each real call's measured time, in order. */
	callMs: number[];
	totalMs: number;
}

/** Runs route `id` with the reader's `input` on `server`, acting as `reader` (the cookie flow). */
export async function serverRoute(
	id: RouteId,
	input: string,
	{
		server,
		reader,
		hop,
	}: {
		server: SimulatedServer<PocketBase>;
		reader: PocketBase;
		hop: Pick<HopModel, 'addedMs' | 'cold'>;
	}
): Promise<ServerRun> {
	// The hooks answer 401 to a guest ($apis.requireAuth()); a server route that holds no session
	// for the reader refuses the same way, before any PocketBase call, rather than run as a guest.
	if (!reader.authStore.isValid) throw new RouteRefusal('No one is signed in.', 401);
	const callMs: number[] = [];
	const call: Call = async (work) => {
		const first = callMs.length === 0;
		const outcome = await proxiedCall(server, work, {
			hop: first ? hop : { addedMs: 0, cold: false },
			forwardAuthFrom: reader,
		});
		callMs.push(outcome.measuredMs);
		if (!outcome.ok) throw outcome.error;
		return outcome.value;
	};
	const lines = await job(id, input, call);
	const hopMs = Math.max(0, hop.addedMs);
	return { lines, hopMs, callMs, totalMs: callMs.reduce((sum, ms) => sum + ms, hopMs) };
}

async function job(id: RouteId, input: string, call: Call): Promise<string[]> {
	const options = { requestKey: null };
	if (id === 'stats') {
		const checked = checkMinutes(input);
		if (!checked.ok) throw new RouteRefusal(checked.message);
		const since = minutesAgo(checked.minutes, Date.now());
		const recent = (pb: PocketBase) => pb.filter('created >= {:since}', { since });
		const total = await call((pb, m) =>
			pb.collection('notes').getList(1, 1, { filter: recent(pb), ...options, ...m })
		);
		const owners = await call((pb, m) =>
			pb
				.collection('notes')
				.getList(1, 200, { filter: recent(pb), fields: 'owner', ...options, ...m })
		);
		const yours = await call((pb, m) => {
			const me = pb.filter('owner = {:me}', { me: pb.authStore.record?.id ?? '' });
			return pb
				.collection('notes')
				.getList(1, 1, { filter: `${recent(pb)} && ${me}`, ...options, ...m });
		});
		const stats = serverStats(
			checked.minutes,
			total.totalItems,
			owners.items.map((note) => String(note['owner'])),
			yours.totalItems
		);
		return answerLines('stats', stats);
	}
	if (id === 'summary') {
		const checkedId = checkId(input);
		if (!checkedId.ok) throw new RouteRefusal(checkedId.message);
		const note = await call((pb, m) => pb.collection('notes').getOne(input, { ...options, ...m }));
		const mine = await call((pb, m) => pb.collection('notes').getList(1, 1, { ...options, ...m }));
		return answerLines('summary', serverSummary(note.id, String(note['text']), mine.totalItems));
	}
	const checked = checkText(input);
	if (!checked.ok) throw new RouteRefusal(checked.message);
	const who = await call((pb, m) => pb.collection('users').authRefresh({ ...options, ...m }));
	return serverReceiptLines(who.record.id);
}

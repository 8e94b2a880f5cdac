/**
 * The shared-instance leak, as a script: two visitors' page views run the cookie flow the JS
 * SDK README prescribes (load the cookie, `authRefresh()`, the page's query, write the cookie
 * back) on a simulated server, and their steps are interleaved in one fixed order so the
 * result never depends on which network answer happens to land first.
 *
 * The order is one that a real Node server produces whenever a handler awaits anything
 * between its refresh and its query: Bob's request refreshes and then waits; Alice's request
 * arrives, loads her cookie and refreshes, which writes her token into the store; Bob's handler
 * resumes and queries. With one module-level SDK instance that store is Bob's store too, so
 * his query carries Alice's token and PocketBase answers with Alice's notes. With a new
 * instance per request, the same order changes nothing.
 *
 * The steps are real calls (the caller passes the SDK operations); this module only decides
 * their order and records who held the auth store after each one.
 */
import type { HopModel } from './network-model';
import type { SimulatedServer, TimedCall } from './simulated-server';

export type Visitor = 'A' | 'B';
export type StepOp = 'load-cookie' | 'auth-refresh' | 'list-notes' | 'export-cookie';

export interface ScriptStep {
	visitor: Visitor;
	op: StepOp;
}

export const visitorNames: Record<Visitor, string> = { A: 'Alice', B: 'Bob' };

/** The scripted interleaving. Each visitor's own steps stay in the handler's order. */
export const leakScript: readonly ScriptStep[] = [
	{ visitor: 'B', op: 'load-cookie' },
	{ visitor: 'B', op: 'auth-refresh' },
	{ visitor: 'A', op: 'load-cookie' },
	{ visitor: 'A', op: 'auth-refresh' },
	{ visitor: 'B', op: 'list-notes' },
	{ visitor: 'B', op: 'export-cookie' },
	{ visitor: 'A', op: 'list-notes' },
	{ visitor: 'A', op: 'export-cookie' },
];

/** One real PocketBase call of a step, as the demo kit times it. */
export interface StepCall {
	ok: boolean;
	/** HTTP status, 0 when no answer came. */
	status: number;
	measuredMs: number;
	/** The ids of the notes in the answer (list-notes only). */
	noteIds: string[];
	error?: unknown;
}

/** The SDK operations the script runs; the page passes the real SDK, tests a stand-in. */
export interface LeakOps<Client> {
	loadFromCookie(client: Client, cookie: string): void;
	authRefresh(client: Client): Promise<StepCall>;
	listNotes(client: Client): Promise<StepCall>;
	exportToCookie(client: Client): string;
	/** The id of the user whose token the client's auth store holds, or '' for none. */
	storeUserId(client: Client): string;
}

export type StoreHolder = Visitor | 'nobody' | 'someone else';

export interface StepRecord extends ScriptStep {
	/** Whose token the auth store this request uses holds after the step. */
	storeAfter: StoreHolder;
	/** Whether the step changed whose token that store holds. */
	changedStore: boolean;
	/** The request uses the same store as the other visitor's request. */
	sharedStore: boolean;
	call?: StepCall;
	/** The Set-Cookie value the server answers with (export-cookie only). */
	cookie?: string;
	/** When the step started, in ms after the script started (modelled hops plus measured calls). */
	startMs: number;
	durationMs: number;
}

export interface VisitorSetup {
	/** The visitor's user id in PocketBase. */
	userId: string;
	/** The cookie the visitor's browser sends. */
	cookie: string;
}

export interface LeakRun {
	steps: StepRecord[];
	/** The note ids each visitor's response contains. */
	received: Record<Visitor, string[]>;
	/** Whose sign-in each visitor's Set-Cookie carries. */
	cookieHolder: Record<Visitor, StoreHolder>;
	/** How many SDK instances the server created for the two requests. */
	clientsCreated: number;
	/** A step's real call failed; the run stopped there. */
	failed: StepRecord | undefined;
}

function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

/**
 * Runs the script on `server`: each visitor's page view is one request the server handles
 * (its modelled hop first, then the handler), and the handler's steps wait for their turn.
 */
export async function runLeakScript<Client>(
	server: SimulatedServer<Client>,
	ops: LeakOps<Client>,
	visitors: Record<Visitor, VisitorSetup>,
	hop: Pick<HopModel, 'addedMs' | 'cold'>,
	script: readonly ScriptStep[] = leakScript
): Promise<LeakRun> {
	const holderOf = (id: string): StoreHolder =>
		id === ''
			? 'nobody'
			: id === visitors.A.userId
				? 'A'
				: id === visitors.B.userId
					? 'B'
					: 'someone else';
	const turns = script.map(() => deferred<boolean>());
	const done = script.map(() => deferred<StepRecord>());
	const clients: Partial<Record<Visitor, Client>> = {};
	const hopMs = Math.max(0, hop.addedMs);
	let clock = 0;

	const handler = (visitor: Visitor) => async (client: Client) => {
		clients[visitor] = client;
		let measuredMs = 0;
		for (const [index, step] of script.entries()) {
			if (step.visitor !== visitor) continue;
			// false: an earlier step failed and the run stops.
			if (!(await turns[index]!.promise)) break;
			const before = holderOf(ops.storeUserId(client));
			const record: StepRecord = {
				...step,
				storeAfter: before,
				changedStore: false,
				sharedStore: false,
				startMs: clock,
				durationMs: 0,
			};
			if (step.op === 'load-cookie') {
				ops.loadFromCookie(client, visitors[visitor].cookie);
				// The page view's arrival at the server: the modelled hop, split at the server.
				record.durationMs = hopMs / 2;
			} else if (step.op === 'export-cookie') {
				record.cookie = ops.exportToCookie(client);
				record.durationMs = hopMs / 2;
			} else {
				try {
					record.call = await (step.op === 'auth-refresh'
						? ops.authRefresh(client)
						: ops.listNotes(client));
				} catch (error) {
					// The operations time their calls and never reject; if one does, stop cleanly.
					record.call = { ok: false, status: 0, measuredMs: 0, noteIds: [], error };
				}
				record.durationMs = record.call.measuredMs;
				measuredMs += record.call.measuredMs;
			}
			record.storeAfter = holderOf(ops.storeUserId(client));
			record.changedStore = record.storeAfter !== before;
			const other = clients[visitor === 'A' ? 'B' : 'A'];
			record.sharedStore = other !== undefined && other === client;
			done[index]!.resolve(record);
		}
		return { ok: true as const, value: undefined, measuredMs } satisfies TimedCall<undefined>;
	};

	// The hop is waited out by the server before each handler starts; the script's clock
	// counts it once per request, where the request arrives (its load-cookie step).
	const requests = (['A', 'B'] as const).map((visitor) =>
		server.handle(({ client }) => handler(visitor)(client), { ...hop, addedMs: 0 })
	);

	const steps: StepRecord[] = [];
	let failed: StepRecord | undefined;
	for (const [index] of script.entries()) {
		if (failed) {
			turns[index]!.resolve(false);
			continue;
		}
		turns[index]!.resolve(true);
		const record = await done[index]!.promise;
		clock += record.durationMs;
		steps.push(record);
		if (record.call && !record.call.ok) failed = record;
	}
	await Promise.all(requests);

	const received: Record<Visitor, string[]> = { A: [], B: [] };
	const cookieHolder: Record<Visitor, StoreHolder> = { A: 'nobody', B: 'nobody' };
	for (const step of steps) {
		if (step.op === 'list-notes' && step.call?.ok) received[step.visitor] = step.call.noteIds;
		if (step.op === 'export-cookie') cookieHolder[step.visitor] = step.storeAfter;
	}
	return { steps, received, cookieHolder, clientsCreated: server.clientsCreated, failed };
}

/** Whether `visitor` received a note of the other visitor. */
export function leaked(run: LeakRun, notes: Record<Visitor, string>, visitor: Visitor): boolean {
	const other = visitor === 'A' ? 'B' : 'A';
	return run.received[visitor].includes(notes[other]);
}

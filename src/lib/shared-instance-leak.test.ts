import { describe, expect, it } from 'vitest';
import { leaked, leakScript, runLeakScript, type LeakOps } from './shared-instance-leak';
import { SimulatedServer, type Clock } from './simulated-server';

/** A stand-in SDK client: an auth store that holds one user's id as its "token". */
interface FakeClient {
	store: string;
}

const notes = { A: 'noteOfAlice', B: 'noteOfBob' } as const;
const users = { A: 'alice', B: 'bob' } as const;
const ownerNote: Record<string, string> = { alice: notes.A, bob: notes.B };

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers arrive after uneven delays, so only the script can decide the order. */
function fakeOps(): LeakOps<FakeClient> & { sentWith: string[] } {
	const sentWith: string[] = [];
	return {
		sentWith,
		loadFromCookie(client, cookie) {
			client.store = cookie.replace(/^pb_auth=/, '');
		},
		async authRefresh(client) {
			const sent = client.store;
			sentWith.push(`refresh:${sent}`);
			await later(sent === 'bob' ? 15 : 1);
			// The SDK saves the refreshed token of whoever's token was sent.
			client.store = sent;
			return { ok: true, status: 200, measuredMs: 4, noteIds: [] };
		},
		async listNotes(client) {
			const sent = client.store;
			sentWith.push(`list:${sent}`);
			await later(sent === 'alice' ? 10 : 2);
			const note = ownerNote[sent];
			return { ok: true, status: 200, measuredMs: 3, noteIds: note ? [note] : [] };
		},
		exportToCookie: (client) => `pb_auth=${client.store}`,
		storeUserId: (client) => client.store,
	};
}

const instantClock: Clock = { sleep: async () => {} };
const server = (instances: 'shared' | 'per-request') =>
	new SimulatedServer<FakeClient>(
		{ instances },
		{ createClient: () => ({ store: '' }), clock: instantClock }
	);
const visitors = {
	A: { userId: users.A, cookie: 'pb_auth=alice' },
	B: { userId: users.B, cookie: 'pb_auth=bob' },
};
const hop = { addedMs: 6, cold: false };

describe('the shared-instance leak script', () => {
	it('interleaves so that Alice signs the store in while Bob’s handler waits', () => {
		expect(leakScript.map((s) => `${s.visitor} ${s.op}`)).toEqual([
			'B load-cookie',
			'B auth-refresh',
			'A load-cookie',
			'A auth-refresh',
			'B list-notes',
			'B export-cookie',
			'A list-notes',
			'A export-cookie',
		]);
	});

	it('with one shared instance, Bob receives Alice’s note and a cookie with her sign-in', async () => {
		const ops = fakeOps();
		const run = await runLeakScript(server('shared'), ops, visitors, hop);
		expect(run.clientsCreated).toBe(1);
		expect(run.received).toEqual({ A: [notes.A], B: [notes.A] });
		expect(leaked(run, notes, 'B')).toBe(true);
		expect(leaked(run, notes, 'A')).toBe(false);
		expect(run.cookieHolder).toEqual({ A: 'A', B: 'A' });
		// Who held the one store after each step, and which steps wrote it.
		expect(run.steps.map((s) => s.storeAfter)).toEqual(['B', 'B', 'A', 'A', 'A', 'A', 'A', 'A']);
		expect(run.steps.map((s) => s.changedStore)).toEqual([
			true,
			false,
			true,
			false,
			false,
			false,
			false,
			false,
		]);
		expect(run.steps.every((s) => s.sharedStore)).toBe(true);
		expect(ops.sentWith).toEqual(['refresh:bob', 'refresh:alice', 'list:alice', 'list:alice']);
		expect(run.failed).toBeUndefined();
	});

	it('with a new instance per request, the same order gives each visitor their own note', async () => {
		const ops = fakeOps();
		const run = await runLeakScript(server('per-request'), ops, visitors, hop);
		expect(run.clientsCreated).toBe(2);
		expect(run.received).toEqual({ A: [notes.A], B: [notes.B] });
		expect(leaked(run, notes, 'B')).toBe(false);
		expect(run.cookieHolder).toEqual({ A: 'A', B: 'B' });
		expect(run.steps.map((s) => s.storeAfter)).toEqual(['B', 'B', 'A', 'A', 'B', 'B', 'A', 'A']);
		expect(run.steps.some((s) => s.sharedStore)).toBe(false);
		expect(ops.sentWith).toEqual(['refresh:bob', 'refresh:alice', 'list:bob', 'list:alice']);
	});

	it('puts the steps on one clock: half a modelled hop in and out, measured calls between', async () => {
		const run = await runLeakScript(server('shared'), fakeOps(), visitors, hop);
		expect(run.steps.map((s) => [s.startMs, s.durationMs])).toEqual([
			[0, 3],
			[3, 4],
			[7, 3],
			[10, 4],
			[14, 3],
			[17, 3],
			[20, 3],
			[23, 3],
		]);
	});

	it('stops at a failed call and says which', async () => {
		const ops = fakeOps();
		ops.authRefresh = () => Promise.resolve({ ok: false, status: 0, measuredMs: 1, noteIds: [] });
		const run = await runLeakScript(server('shared'), ops, visitors, hop);
		expect(run.steps).toHaveLength(2);
		expect(run.failed).toMatchObject({ visitor: 'B', op: 'auth-refresh' });
		expect(run.received).toEqual({ A: [], B: [] });
	});

	it('names a store holding a third user’s token as someone else', async () => {
		const ops = fakeOps();
		const run = await runLeakScript(
			server('shared'),
			ops,
			{
				...visitors,
				B: { userId: users.B, cookie: 'pb_auth=carol' },
			},
			hop
		);
		expect(run.steps[0]!.storeAfter).toBe('someone else');
	});
});

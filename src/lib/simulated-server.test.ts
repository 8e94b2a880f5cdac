import { describe, expect, it } from 'vitest';
import { SimulatedServer, type Clock, type ServerModel } from './simulated-server';

/** A clock that only moves when slept on, so every modelled millisecond is exact. */
function fakeClock(): Clock & { advance(ms: number): void } {
	let t = 0;
	return {
		now: () => t,
		advance(ms) {
			t += ms;
		},
		async sleep(ms, signal) {
			if (signal?.aborted) throw signal.reason;
			t += ms;
		},
	};
}

const model: ServerModel = {
	browserServerRttMs: 40,
	serverPocketBaseRttMs: 2,
	handlerMs: 5,
	coldStart: { probability: 0, ms: 300 },
	instances: 'per-request',
};

describe('SimulatedServer', () => {
	it('adds the modelled legs around the real call and labels each segment', async () => {
		const clock = fakeClock();
		const server = new SimulatedServer(model, {
			createClient: () => ({}),
			clock,
			random: () => 0.5,
		});
		const outcome = await server.handle(async () => {
			clock.advance(7); // the real PocketBase call took 7 ms
			return 'answer';
		});
		expect(outcome).toMatchObject({ ok: true, value: 'answer', coldStart: false });
		expect(outcome.segments.map((s) => [s.leg, s.kind, s.startMs, s.durationMs])).toEqual([
			['browser-to-server', 'modelled', 0, 20],
			['handler', 'modelled', 20, 5],
			['server-to-pocketbase', 'modelled', 25, 1],
			['pocketbase-call', 'measured', 26, 7],
			['pocketbase-to-server', 'modelled', 33, 1],
			['server-to-browser', 'modelled', 34, 20],
		]);
		expect(outcome.totalMs).toBe(54);
	});

	it('draws cold starts from the random source', async () => {
		const clock = fakeClock();
		const coldModel = { ...model, coldStart: { probability: 0.3, ms: 300 } };
		const draws = [0.1, 0.9];
		const server = new SimulatedServer(coldModel, {
			createClient: () => ({}),
			clock,
			random: () => draws.shift() ?? 1,
		});
		const first = await server.handle(async () => 1);
		const second = await server.handle(async () => 2);
		expect(first.coldStart).toBe(true);
		expect(first.segments.find((s) => s.leg === 'cold-start')?.durationMs).toBe(300);
		expect(second.coldStart).toBe(false);
		expect(second.totalMs).toBe(first.totalMs - 300);
	});

	it('returns PocketBase errors as outcomes, with the segments so far', async () => {
		const server = new SimulatedServer(model, {
			createClient: () => ({}),
			clock: fakeClock(),
			random: () => 0,
		});
		const failure = new Error('Too Many Requests.');
		const outcome = await server.handle(async () => {
			throw failure;
		});
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error).toBe(failure);
		expect(outcome.segments.some((s) => s.leg === 'pocketbase-call' && s.kind === 'measured')).toBe(
			true
		);
	});

	it('creates a client per request, or one for the whole process when shared', async () => {
		let made = 0;
		const deps = { createClient: () => ({ n: ++made }), clock: fakeClock(), random: () => 0 };
		const perRequest = new SimulatedServer(model, deps);
		const seen: unknown[] = [];
		await perRequest.handle(async ({ client }) => seen.push(client));
		await perRequest.handle(async ({ client }) => seen.push(client));
		expect(perRequest.clientsCreated).toBe(2);
		expect(seen[0]).not.toBe(seen[1]);

		const shared = new SimulatedServer({ ...model, instances: 'shared' }, deps);
		const sharedSeen: unknown[] = [];
		await shared.handle(async ({ client }) => sharedSeen.push(client));
		await shared.handle(async ({ client }) => sharedSeen.push(client));
		expect(shared.clientsCreated).toBe(1);
		expect(sharedSeen[0]).toBe(sharedSeen[1]);
	});

	it('stops at once when the signal aborts', async () => {
		const controller = new AbortController();
		const server = new SimulatedServer(model, {
			createClient: () => ({}),
			clock: fakeClock(),
			random: () => 0,
		});
		controller.abort(new Error('cancelled'));
		await expect(server.handle(async () => 1, controller.signal)).rejects.toThrow('cancelled');
	});
});

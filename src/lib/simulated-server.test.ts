import { describe, expect, it } from 'vitest';
import { SimulatedServer, type Clock } from './simulated-server';

/** A clock that only moves when slept on or advanced, so every millisecond is exact. */
function fakeClock(): Clock & { advance(ms: number): void } {
	let t = 0;
	return {
		now: () => t,
		advance(ms) {
			t += ms;
		},
		sleep(ms, signal) {
			if (signal?.aborted) return Promise.reject(signal.reason as Error);
			t += ms;
			return Promise.resolve();
		},
	};
}

const hop = { addedMs: 42, cold: false };

describe('SimulatedServer', () => {
	it('waits out the modelled hop, then measures the real call', async () => {
		const clock = fakeClock();
		const server = new SimulatedServer(
			{ instances: 'per-request' },
			{ createClient: () => ({}), clock }
		);
		const outcome = await server.handle(() => {
			clock.advance(7); // the real PocketBase call took 7 ms
			return Promise.resolve('answer');
		}, hop);
		expect(outcome).toMatchObject({ ok: true, value: 'answer', totalMs: 49, hop });
		expect(outcome.segments).toEqual([
			{ leg: 'server-hop', kind: 'modelled', startMs: 0, durationMs: 42 },
			{ leg: 'pocketbase-call', kind: 'measured', startMs: 42, durationMs: 7 },
		]);
	});

	it('never waits a negative hop', async () => {
		const clock = fakeClock();
		const server = new SimulatedServer(
			{ instances: 'per-request' },
			{ createClient: () => ({}), clock }
		);
		const outcome = await server.handle(() => Promise.resolve(1), { addedMs: -3, cold: false });
		expect(outcome.segments.map((s) => s.leg)).toEqual(['pocketbase-call']);
		expect(outcome.totalMs).toBe(0);
	});

	it('returns PocketBase errors as outcomes, with the time they took', async () => {
		const clock = fakeClock();
		const server = new SimulatedServer(
			{ instances: 'per-request' },
			{ createClient: () => ({}), clock }
		);
		const failure = new Error('Too Many Requests.');
		const outcome = await server.handle(() => {
			clock.advance(3);
			return Promise.reject(failure);
		}, hop);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error).toBe(failure);
		expect(outcome.totalMs).toBe(45);
	});

	it('creates a client per request, or one for the whole process when shared', async () => {
		let made = 0;
		const deps = { createClient: () => ({ n: ++made }), clock: fakeClock() };
		const perRequest = new SimulatedServer({ instances: 'per-request' }, deps);
		const seen: unknown[] = [];
		await perRequest.handle(({ client }) => Promise.resolve(seen.push(client)), hop);
		await perRequest.handle(({ client }) => Promise.resolve(seen.push(client)), hop);
		expect(perRequest.clientsCreated).toBe(2);
		expect(seen[0]).not.toBe(seen[1]);

		const shared = new SimulatedServer({ instances: 'shared' }, deps);
		const sharedSeen: unknown[] = [];
		await shared.handle(({ client }) => Promise.resolve(sharedSeen.push(client)), hop);
		await shared.handle(({ client }) => Promise.resolve(sharedSeen.push(client)), hop);
		expect(shared.clientsCreated).toBe(1);
		expect(sharedSeen[0]).toBe(sharedSeen[1]);
	});

	it('stops at once when the signal aborts', async () => {
		const controller = new AbortController();
		const server = new SimulatedServer(
			{ instances: 'per-request' },
			{ createClient: () => ({}), clock: fakeClock() }
		);
		controller.abort(new Error('cancelled'));
		await expect(server.handle(() => Promise.resolve(1), hop, controller.signal)).rejects.toThrow(
			'cancelled'
		);
	});
});

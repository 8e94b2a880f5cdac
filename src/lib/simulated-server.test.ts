import { describe, expect, it } from 'vitest';
import {
	isSimulatedServerAddress,
	SimulatedServer,
	type Clock,
	type TimedCall,
} from './simulated-server';

/** A clock that records what the server waited, so every millisecond is exact. */
function fakeClock(): Clock & { slept: number[] } {
	const slept: number[] = [];
	return {
		slept,
		sleep(ms, signal) {
			if (signal?.aborted) return Promise.reject(signal.reason as Error);
			slept.push(ms);
			return Promise.resolve();
		},
	};
}

const hop = { addedMs: 42, cold: false };
const answered = (value: unknown, measuredMs: number): TimedCall<unknown> => ({
	ok: true,
	value,
	measuredMs,
});
const server = (clock = fakeClock()) =>
	new SimulatedServer({ instances: 'per-request' }, { createClient: () => ({}), clock });

describe('SimulatedServer', () => {
	it('waits out the modelled hop, then adds the measured call to it', async () => {
		const clock = fakeClock();
		const outcome = await server(clock).handle(() => Promise.resolve(answered('answer', 7)), hop);
		expect(clock.slept).toEqual([42]);
		expect(outcome).toMatchObject({ ok: true, value: 'answer', totalMs: 49, hop });
		expect(outcome.segments).toEqual([
			{ leg: 'server-hop', kind: 'modelled', startMs: 0, durationMs: 42 },
			{ leg: 'pocketbase-call', kind: 'measured', startMs: 42, durationMs: 7 },
		]);
	});

	it('charges no wall-clock time of its own: a zero hop gives exactly the measured call', async () => {
		const clock = fakeClock();
		const outcome = await server(clock).handle(
			async () => {
				// However long the browser spends around the call, only the instrument counts.
				await new Promise((resolve) => setTimeout(resolve, 30));
				return answered('late', 5.5);
			},
			{ addedMs: 0, cold: false }
		);
		expect(clock.slept).toEqual([]);
		expect(outcome.totalMs).toBe(5.5);
		expect(outcome.segments.map((s) => s.leg)).toEqual(['pocketbase-call']);
	});

	it('shows each of a handler’s calls as a measured segment, one after another', async () => {
		const outcome = await server().handle(
			() =>
				Promise.resolve({ ...answered('page', 10), calls: [{ measuredMs: 4 }, { measuredMs: 6 }] }),
			hop
		);
		expect(outcome.totalMs).toBe(52);
		expect(outcome.segments).toEqual([
			{ leg: 'server-hop', kind: 'modelled', startMs: 0, durationMs: 42 },
			{ leg: 'pocketbase-call', kind: 'measured', startMs: 42, durationMs: 4 },
			{ leg: 'pocketbase-call', kind: 'measured', startMs: 46, durationMs: 6 },
		]);
	});

	it('never waits a negative hop', async () => {
		const outcome = await server().handle(() => Promise.resolve(answered(1, 0)), {
			addedMs: -3,
			cold: false,
		});
		expect(outcome.segments.map((s) => s.leg)).toEqual(['pocketbase-call']);
		expect(outcome.totalMs).toBe(0);
	});

	it('passes PocketBase errors through, with the time they took', async () => {
		const failure = new Error('Too Many Requests.');
		const outcome = await server().handle(
			(): Promise<TimedCall<unknown>> =>
				Promise.resolve({ ok: false, error: failure, measuredMs: 3 }),
			hop
		);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error).toBe(failure);
		expect(outcome.totalMs).toBe(45);
	});

	it('creates a client per request, or one for the whole process when shared', async () => {
		let made = 0;
		const deps = { createClient: () => ({ n: ++made }), clock: fakeClock() };
		const record =
			(seen: unknown[]) =>
			({ client }: { client: unknown }) => {
				seen.push(client);
				return Promise.resolve(answered(null, 1));
			};
		const perRequest = new SimulatedServer({ instances: 'per-request' }, deps);
		const seen: unknown[] = [];
		await perRequest.handle(record(seen), hop);
		await perRequest.handle(record(seen), hop);
		expect(perRequest.clientsCreated).toBe(2);
		expect(seen[0]).not.toBe(seen[1]);

		const shared = new SimulatedServer({ instances: 'shared' }, deps);
		const sharedSeen: unknown[] = [];
		await shared.handle(record(sharedSeen), hop);
		await shared.handle(record(sharedSeen), hop);
		expect(shared.clientsCreated).toBe(1);
		expect(sharedSeen[0]).toBe(sharedSeen[1]);
	});

	it('stops at once when the signal aborts', async () => {
		const controller = new AbortController();
		controller.abort(new Error('cancelled'));
		await expect(
			server().handle(() => Promise.resolve(answered(1, 1)), hop, controller.signal)
		).rejects.toThrow('cancelled');
	});
});

describe('isSimulatedServerAddress', () => {
	it('knows the playground’s server addresses as PocketBase prints them, and nothing else', () => {
		expect(isSimulatedServerAddress('2001:0db8:4d00:fcf2:6405:8362:dba4:e330')).toBe(true);
		expect(isSimulatedServerAddress('127.0.0.1')).toBe(false);
		expect(isSimulatedServerAddress('2001:0db9:0000:0000:0000:0000:0000:0001')).toBe(false);
		expect(isSimulatedServerAddress('203.0.113.10')).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { loadHookModule } from './load-hook-module';

interface Bounds {
	cap: number;
	perNetwork: number;
	reserve: number;
	perNetworkInReserve: number;
}
const quota = loadHookModule<{
	admit: (bounds: Bounds, total: number, mine: number) => 'ok' | 'cap' | 'network' | 'reserve';
	users(getenv: (name: string) => string): Bounds;
	streams(getenv: (name: string) => string): Bounds;
}>('visitor-quota.js');

const unset = () => '';

describe('the playground’s caps', () => {
	it('are 10000 users (100 a network) and 500 streams (10 a network), a fifth of each kept in reserve', () => {
		expect(quota.users(unset)).toEqual({
			cap: 10000,
			perNetwork: 100,
			reserve: 2000,
			perNetworkInReserve: 10,
		});
		expect(quota.streams(unset)).toEqual({
			cap: 500,
			perNetwork: 10,
			reserve: 100,
			perNetworkInReserve: 5,
		});
	});

	it('can be made small for tests through the environment', () => {
		const env: Record<string, string> = {
			PLAYGROUND_MAX_STREAMS: '12',
			PLAYGROUND_STREAMS_PER_NETWORK: '4',
		};
		expect(quota.streams((name) => env[name] ?? '')).toEqual({
			cap: 12,
			perNetwork: 4,
			reserve: 2,
			perNetworkInReserve: 5,
		});
	});
});

describe('admit', () => {
	const bounds = quota.streams(unset);

	it('lets a network in below its quota while the cap has room', () => {
		expect(quota.admit(bounds, 0, 0)).toBe('ok');
		expect(quota.admit(bounds, 399, 9)).toBe('ok');
	});

	it('stops a network at its quota, whatever room is left', () => {
		expect(quota.admit(bounds, 0, 10)).toBe('network');
	});

	it('keeps the last fifth for networks that hold little', () => {
		expect(quota.admit(bounds, 400, 5)).toBe('reserve');
		expect(quota.admit(bounds, 400, 4)).toBe('ok');
		expect(quota.admit(bounds, 499, 0)).toBe('ok');
	});

	it('stops everyone at the cap', () => {
		expect(quota.admit(bounds, 500, 0)).toBe('cap');
	});

	it('leaves newcomers room however many networks sit at their quota below the reserve', () => {
		// 40 networks at their quota of 10 fill exactly up to the reserve: 100 places stay free.
		let total = 0;
		for (let network = 0; network < 40; network++) {
			for (let mine = 0; quota.admit(bounds, total, mine) === 'ok'; mine++) total++;
		}
		expect(total).toBe(400);
		let newcomers = 0;
		while (quota.admit(bounds, total, 0) === 'ok') {
			total++;
			newcomers++;
		}
		expect(newcomers).toBe(100);
	});
});

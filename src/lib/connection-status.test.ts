import { describe, expect, it } from 'vitest';
import {
	canRunDemos,
	classifyHealthProbe,
	demoControlsEnabled,
	type ConnectionState,
	isHealthAnswer,
	slowThresholdMs,
} from './connection-status';

const url = 'http://127.0.0.1:8090';
const healthy = { message: 'API is healthy.', code: 200, data: {} };
const networkError = {
	kind: 'network-error' as const,
	pageOrigin: 'http://localhost:4321',
	elapsedMs: 3,
};

describe('demoControlsEnabled', () => {
	it('enables the demos’ controls while PocketBase answers, a 429 included, and only then', () => {
		const states: ConnectionState[] = [
			'checking',
			'connected',
			'slow',
			'rate-limited',
			'unreachable',
			'blocked',
			'not-pocketbase',
			'error',
		];
		expect(states.filter(demoControlsEnabled)).toEqual(['connected', 'slow', 'rate-limited']);
	});
});

describe('classifyHealthProbe', () => {
	it('reports a healthy answer as connected, quoting PocketBase and the measured time', () => {
		const status = classifyHealthProbe(
			{ kind: 'response', status: 200, body: healthy, elapsedMs: 12.4 },
			url
		);
		expect(status.state).toBe('connected');
		expect(status.detail).toContain('API is healthy.');
		expect(status.detail).toContain('12 ms (measured)');
		expect(canRunDemos(status.state)).toBe(true);
	});

	it('reports a slow healthy answer as slow, still usable', () => {
		const status = classifyHealthProbe(
			{ kind: 'response', status: 200, body: healthy, elapsedMs: slowThresholdMs + 1 },
			url
		);
		expect(status.state).toBe('slow');
		expect(canRunDemos(status.state)).toBe(true);
	});

	it('reports 429 as rate-limited with what to do', () => {
		const body = { data: {}, message: 'Too Many Requests.', status: 429 };
		const status = classifyHealthProbe({ kind: 'response', status: 429, body, elapsedMs: 3 }, url);
		expect(status.state).toBe('rate-limited');
		expect(status.advice).toMatch(/wait/i);
		expect(canRunDemos(status.state)).toBe(false);
	});

	it('tells a server that is not PocketBase apart', () => {
		expect(
			classifyHealthProbe({ kind: 'response', status: 404, body: undefined, elapsedMs: 3 }, url)
				.state
		).toBe('not-pocketbase');
		expect(
			classifyHealthProbe({ kind: 'response', status: 200, body: '<html>', elapsedMs: 3 }, url)
				.state
		).toBe('not-pocketbase');
	});

	it('reports other HTTP errors with PocketBase’s own message', () => {
		const body = { data: {}, message: 'Something went wrong.', status: 500 };
		const status = classifyHealthProbe({ kind: 'response', status: 500, body, elapsedMs: 3 }, url);
		expect(status.state).toBe('error');
		expect(status.detail).toBe('HTTP 500: Something went wrong.');
	});

	it('tells unreachable, CORS and mixed content apart', () => {
		const down = classifyHealthProbe(
			{ ...networkError, reachableWithoutCors: false, mixedContent: false },
			url
		);
		expect(down.state).toBe('unreachable');
		expect(down.advice).toContain('npm run playground');

		const cors = classifyHealthProbe(
			{ ...networkError, reachableWithoutCors: true, mixedContent: false },
			url
		);
		expect(cors.state).toBe('blocked');
		expect(cors.title).toContain('CORS');
		expect(cors.detail).toContain('http://localhost:4321');
		expect(cors.advice).toContain('--origins');

		const mixed = classifyHealthProbe(
			{ ...networkError, reachableWithoutCors: false, mixedContent: true },
			url
		);
		expect(mixed.state).toBe('blocked');
		expect(mixed.title).toContain('mixed content');
	});
});

describe('isHealthAnswer', () => {
	it('recognises PocketBase’s health body only', () => {
		expect(isHealthAnswer(healthy)).toBe(true);
		expect(isHealthAnswer({ message: 'ok', code: 200 })).toBe(false);
		expect(isHealthAnswer({ message: 'API is healthy.', status: 200 })).toBe(false);
		expect(isHealthAnswer(null)).toBe(false);
	});
});

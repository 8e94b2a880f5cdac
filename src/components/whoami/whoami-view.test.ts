import { describe, expect, it } from 'vitest';
import {
	announcement,
	describeAddress,
	describeIdentity,
	isWhoamiAnswer,
	modelText,
	segmentLines,
	sessionText,
	timeText,
	whoamiHop,
	type WhoamiAnswer,
} from './whoami-view';

const guest: WhoamiAnswer = {
	realIP: '127.0.0.1',
	remoteIP: '127.0.0.1',
	simulatedServer: false,
	auth: null,
	superuser: false,
	time: '2026-01-01T00:00:00Z',
};

describe('whoami wording', () => {
	it('recognises the route’s answer and nothing else', () => {
		expect(isWhoamiAnswer(guest)).toBe(true);
		expect(isWhoamiAnswer({ message: 'API is healthy.' })).toBe(false);
		expect(isWhoamiAnswer(null)).toBe(false);
	});

	it('names the caller as the rules see them', () => {
		expect(describeIdentity(guest)).toMatch(/guest/);
		const user = { ...guest, auth: { id: 'u1', collectionName: 'users', email: 'a@example.com' } };
		expect(describeIdentity(user)).toBe('user a@example.com of “users”');
		expect(describeIdentity({ ...guest, superuser: true })).toMatch(/superuser/);
	});

	it('says whose rate-limit bucket the address is', () => {
		expect(describeAddress(guest)).toMatch(/your own address/);
		const server = { ...guest, realIP: '2001:0db8:4d00:fcf2:6405:8362:dba4:e330' };
		expect(describeAddress({ ...server, simulatedServer: true })).toBe(
			'2001:0db8:4d00:fcf2:6405:8362:dba4:e330: the server’s address (yours alone, derived from your address), shared by every user it serves'
		);
	});
});

describe('whoami timings and lines', () => {
	it('models the same-datacenter server with the shared hop model', () => {
		const text = modelText();
		expect(text.name).toContain('same datacenter');
		expect(text.addedMs).toBeGreaterThan(0);
		expect(text.addedMs).toBeLessThan(5);
		expect(whoamiHop().model.addedMs).toBe(text.addedMs);
	});

	it('labels each time and segment as measured or modelled', () => {
		expect(timeText(7.94, 'direct')).toBe('7.9 ms (measured)');
		expect(timeText(10.4, 'proxy')).toBe('10 ms (measured + modelled)');
		expect(
			segmentLines([
				{ leg: 'server-hop', kind: 'modelled', startMs: 0, durationMs: 2.5 },
				{ leg: 'pocketbase-call', kind: 'measured', startMs: 2.5, durationMs: 6 },
			])
		).toEqual([
			{ kind: 'modelled', text: 'the extra hop through the server: 2.5 ms (modelled)' },
			{ kind: 'measured', text: 'the real call to PocketBase: 6.0 ms (measured)' },
		]);
	});

	it('announces the answer and the session in words', () => {
		expect(announcement(guest, 'proxy')).toMatch(
			/^Through the simulated server: PocketBase sees 127\.0\.0\.1, a guest/
		);
		expect(sessionText(undefined)).toBe('You are not signed in.');
		expect(sessionText('a@example.com')).toMatch(/^Signed in as a@example\.com \(a throwaway user/);
	});
});

import { describe, expect, it } from 'vitest';
import { describeAddress, describeIdentity, isWhoamiAnswer, type WhoamiAnswer } from './whoami';

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
		expect(describeAddress(guest, '203.0.113.10')).toMatch(/your own address/);
		expect(describeAddress({ ...guest, realIP: '203.0.113.10' }, '203.0.113.10')).toMatch(
			/shared by every user/
		);
	});
});

import { describe, expect, it } from 'vitest';
import { hostMovedBody, hostMovedText, judgeAnswer, readHostMoved } from './playground-host';

const fresh = { lastHost: undefined, accountHost: undefined };

describe('judgeAnswer', () => {
	it('adopts the first host that answers, and carries on while it keeps answering', () => {
		const first = judgeAnswer(fresh, '10.0.0.2:8090');
		expect(first).toEqual({
			kind: 'same',
			next: { lastHost: '10.0.0.2:8090', accountHost: undefined },
		});
		expect(judgeAnswer(first.next, '10.0.0.2:8090').kind).toBe('same');
	});

	it('ignores answers without the header: one PocketBase, or the reader’s own', () => {
		const state = { lastHost: 'a', accountHost: 'a' };
		expect(judgeAnswer(state, null)).toEqual({ kind: 'same', next: state });
		expect(judgeAnswer(state, '')).toEqual({ kind: 'same', next: state });
	});

	it('stops a run that meets another host, and forgets the account made on the old one', () => {
		expect(judgeAnswer({ lastHost: 'a', accountHost: 'a' }, 'b')).toEqual({
			kind: 'moved',
			accountLost: true,
			next: { lastHost: 'b', accountHost: undefined },
		});
	});

	it('loses no account when nobody was signed in, but still stops the run', () => {
		expect(judgeAnswer({ lastHost: 'a', accountHost: undefined }, 'b')).toEqual({
			kind: 'moved',
			accountLost: false,
			next: { lastHost: 'b', accountHost: undefined },
		});
	});

	it('judges by the account’s host on a fresh page, so a sign-in kept from before a host died is noticed', () => {
		const verdict = judgeAnswer({ lastHost: undefined, accountHost: 'a' }, 'b');
		expect(verdict.kind).toBe('moved');
		expect(verdict.kind === 'moved' && verdict.accountLost).toBe(true);
	});

	it('carries on once the reader signed in again on the new host', () => {
		const after = judgeAnswer({ lastHost: 'a', accountHost: 'a' }, 'b').next;
		expect(judgeAnswer({ ...after, accountHost: 'b' }, 'b').kind).toBe('same');
	});
});

describe('the words for a host change', () => {
	it('say the account was on a server that stopped, and to sign in again', () => {
		const body = hostMovedBody(true);
		expect(body['message']).toBe('Your demo account was on a server that stopped.');
		expect(readHostMoved(body)).toEqual({ accountLost: true });
		expect(hostMovedText(true).advice).toMatch(/Sign in again/);
	});

	it('tell a reader without an account to run the demo again', () => {
		expect(readHostMoved(hostMovedBody(false))).toEqual({ accountLost: false });
		expect(hostMovedText(false).advice).toMatch(/Run the demo again/);
	});

	it('are not read into PocketBase’s own errors', () => {
		expect(readHostMoved({ message: 'Not found.', data: {}, status: 404 })).toBeUndefined();
		expect(readHostMoved(undefined)).toBeUndefined();
	});
});

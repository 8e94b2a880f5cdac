import { describe, expect, it } from 'vitest';
import { resolveArrows } from '~/lib/diagram-replay';
import { loadRenderedDiagram } from '../../../scripts/diagram-cache';
import {
	createdText,
	crossAddressReplay,
	crossAddressText,
	deliveryText,
	eventLine,
	maxSimulatedUsers,
	recoveryText,
	streamText,
	tooManyUsers,
	upstreamText,
} from './realtime-streams-view';

describe('the reader’s stream', () => {
	it('says what state it is in', () => {
		expect(streamText({ kind: 'off' }, 0)).toBe('Not subscribed.');
		expect(streamText({ kind: 'connected', clientId: 'abc', reconnects: 0 }, 0)).toBe(
			'Subscribed to your notes. Stream open, client id abc.'
		);
		expect(streamText({ kind: 'connected', clientId: 'xyz', reconnects: 1 }, 0)).toMatch(
			/^Reconnected \(1 time\): a new stream, client id xyz/
		);
		expect(streamText({ kind: 'interrupted', sinceMs: 1000 }, 3500)).toMatch(
			/^The stream stopped 2500 ms ago\. The SDK retries by itself/
		);
	});

	it('labels each event’s delay as measured, or says it came from elsewhere', () => {
		expect(eventLine('create', 'hi', 12.34)).toBe(
			'create: “hi”, 12 ms after the create was sent (measured)'
		);
		expect(eventLine('delete', 'hi', undefined)).toBe('delete: “hi”, not written on this page');
		// A recorded run's times are the recording's.
		expect(eventLine('create', 'hi', 15.4, true)).toBe(
			'create: “hi”, 15 ms after the create was sent (as recorded)'
		);
		expect(createdText(16.9, true, true)).toBe(
			'Created in 17 ms (as recorded). Its event is in panel 1.'
		);
	});

	it('says how long a create took, measured, and where its event shows', () => {
		expect(createdText(8.4, true)).toBe('Created in 8.4 ms (measured). Its event is in panel 1.');
		expect(createdText(8.4, false)).toBe(
			'Created in 8.4 ms (measured). Subscribe in panel 1 to see its event.'
		);
	});

	it('says what recovery brought back', () => {
		expect(recoveryText(1500, 0)).toBe(
			'Down for 1500 ms. No note was written meanwhile, so nothing was missed.'
		);
		expect(recoveryText(2000, 2)).toMatch(/does not replay events: 2 notes written meanwhile/);
	});
});

describe('the simulated server’s streams', () => {
	it('counts one upstream stream per user', () => {
		expect(upstreamText([])).toBe('The simulated server holds no upstream streams.');
		expect(
			upstreamText([
				{ user: 1, deliveries: 0 },
				{ user: 2, deliveries: 0 },
			])
		).toMatch(
			/^The simulated server holds 2 upstream streams to PocketBase: one per connected user/
		);
		expect(deliveryText({ user: 2, deliveries: 1 })).toBe(
			'Simulated user 2: 1 event received upstream, relayed to that user'
		);
		expect(maxSimulatedUsers).toBeLessThan(6);
		expect(tooManyUsers).toBe(
			'This page opens at most 4 simulated users: each holds one of the browser’s 6 connections to PocketBase.'
		);
	});

	it('explains the 400 for a subscription from another address', () => {
		expect(crossAddressText(400, 'Invalid realtime client.')).toMatch(
			/^PocketBase refused: 400 “Invalid realtime client\.” .* Since v0\.38\.2/
		);
		expect(crossAddressText(204, '')).toMatch(/older than v0\.38\.2/);
		expect(crossAddressText(403, 'Forbidden.')).toBe('PocketBase answered 403: Forbidden.');
	});

	it('replays the refusal on the diagram’s last three messages', () => {
		const arrows = loadRenderedDiagram('realtime-direct-vs-proxy').meta.steps;
		expect(resolveArrows('realtime-direct-vs-proxy', arrows, crossAddressReplay(4, 6))).toEqual([
			{ message: 10, start: 0, duration: 2, kind: 'modelled', label: 'half the server hop' },
			{ message: 11, start: 2, duration: 3, kind: 'measured', label: 'half the real call' },
			{ message: 12, start: 5, duration: 3, kind: 'measured', label: 'half the real call' },
		]);
	});
});

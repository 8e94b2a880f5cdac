import { describe, expect, it } from 'vitest';
import { resolveArrows } from '~/lib/diagram-replay';
import type { LeakRun, StepRecord } from '~/lib/shared-instance-leak';
import { loadRenderedDiagram } from '../../../scripts/diagram-cache';
import {
	cancelLines,
	cancelResult,
	cancelVerdict,
	leakReplay,
	stepAnnouncement,
	stepRows,
	verdict,
} from './auth-leak-view';

const notes = { A: 'aliceNote00001', B: 'bobNote0000001' };
const call = (noteIds: string[] = [], ok = true) => ({
	ok,
	status: ok ? 200 : 0,
	measuredMs: 4,
	noteIds,
});

function step(
	visitor: 'A' | 'B',
	op: StepRecord['op'],
	storeAfter: StepRecord['storeAfter'],
	extra: Partial<StepRecord> = {}
): StepRecord {
	return {
		visitor,
		op,
		storeAfter,
		changedStore: false,
		sharedStore: true,
		startMs: 0,
		durationMs: 2,
		...extra,
	};
}

const sharedRun: LeakRun = {
	steps: [
		step('B', 'load-cookie', 'B', { changedStore: true }),
		step('B', 'auth-refresh', 'B', { call: call() }),
		step('A', 'load-cookie', 'A', { changedStore: true }),
		step('A', 'auth-refresh', 'A', { call: call() }),
		step('B', 'list-notes', 'A', { call: call([notes.A]) }),
		step('B', 'export-cookie', 'A', { cookie: 'pb_auth=…' }),
		step('A', 'list-notes', 'A', { call: call([notes.A]) }),
		step('A', 'export-cookie', 'A'),
	].map((s, i) => ({ ...s, startMs: i * 2 })),
	received: { A: [notes.A], B: [notes.A] },
	cookieHolder: { A: 'A', B: 'A' },
	clientsCreated: 1,
	failed: undefined,
};

describe('the leak, step by step', () => {
	it('says who wrote the shared store and marks the steps that leak', () => {
		const rows = stepRows(sharedRun, notes);
		expect(rows[2]).toEqual({
			step: 3,
			visitor: 'Alice',
			code: 'pb.authStore.loadFromCookie(cookie)',
			store: 'the shared store holds Alice’s token (written by this step)',
			result: 'cookie read from Alice’s request',
			leak: false,
		});
		expect(rows[4]).toMatchObject({
			visitor: 'Bob',
			result: `200: Alice’s note ${notes.A} (4.0 ms, measured)`,
			leak: true,
		});
		expect(rows[5]).toMatchObject({ result: 'Set-Cookie: pb_auth with Alice’s token', leak: true });
		expect(rows.filter((r) => r.leak)).toHaveLength(2);
		expect(stepAnnouncement(rows[4]!, 8)).toMatch(
			/^Step 5 of 8: Bob’s request, await pb\.collection/
		);
	});

	it('gives the verdict: leaked, or each their own', () => {
		expect(verdict(sharedRun, notes, false)).toEqual({
			leaked: true,
			text: `Leak: Bob’s response contains Alice’s note ${notes.A}, and his Set-Cookie signs him in as Alice. The server used 1 SDK instance for both page views.`,
		});
		const own: LeakRun = {
			...sharedRun,
			received: { A: [notes.A], B: [notes.B] },
			cookieHolder: { A: 'A', B: 'B' },
			clientsCreated: 2,
		};
		expect(verdict(own, notes, true).text).toBe(
			`No leak: Bob received only his note ${notes.B}, Alice only hers ${notes.A}. The server used 2 SDK instances, one per request.`
		);
		const failed = {
			...sharedRun,
			steps: sharedRun.steps.slice(0, 2),
			failed: sharedRun.steps[1]!,
		};
		expect(verdict(failed, notes, false).text).toMatch(
			/^The run stopped at step 2: Bob’s auth-refresh/
		);
	});

	it('replays the run on the diagram’s twelve arrows, calls measured and hops modelled', () => {
		const arrows = loadRenderedDiagram('shared-instance-leak').meta.steps;
		const timeline = resolveArrows('shared-instance-leak', arrows, leakReplay(sharedRun));
		expect(timeline.map((e) => e.message)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(timeline[0]).toMatchObject({ kind: 'modelled', start: 0, duration: 2 });
		expect(timeline[1]).toMatchObject({ kind: 'measured', start: 2, duration: 1 });
		expect(timeline[2]).toMatchObject({ kind: 'measured', start: 3, duration: 1 });
	});
});

describe('auto-cancellation', () => {
	const aborted = {
		ok: false,
		status: 0,
		isAbort: true,
		message: 'The request was aborted (most likely autocancelled; …).',
		measuredMs: 1,
	};
	const answered = { ok: true, status: 200, isAbort: false, message: '', measuredMs: 3 };

	it('shows the SDK’s abort error and names both fixes', () => {
		expect(cancelLines([aborted, answered])).toEqual([
			{ ok: false, text: `Request 1: rejected, isAbort: true, status 0: “${aborted.message}”` },
			{ ok: true, text: 'Request 2: 200 (3.0 ms, measured)' },
		]);
		expect(cancelVerdict([aborted, answered], 'none')).toMatch(
			/^1 of 2 requests were cancelled by the SDK.*requestKey: null.*autoCancellation\(false\)/
		);
	});

	it('reads each request’s outcome: answered, or the SDK’s abort', () => {
		expect(cancelResult({ ok: true, value: [], measuredMs: 3 })).toEqual(answered);
		const error = { isAbort: true, status: 0, message: aborted.message };
		expect(cancelResult({ ok: false, error, measuredMs: 1 })).toEqual(aborted);
	});

	it('says both were answered with a fix', () => {
		expect(cancelVerdict([answered, answered], 'request-key-null')).toBe(
			'Both requests were answered: with requestKey: null on each call, the SDK cancels nothing.'
		);
	});
});

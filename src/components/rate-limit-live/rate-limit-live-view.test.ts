import { describe, expect, it } from 'vitest';
import {
	attemptRows,
	directSummary,
	disagreement,
	isPocketBase429,
	Predictor,
	reopenAfter,
	reopenText,
	rowCells,
	responseLines,
	serverSchedule,
	serverSummary,
	statusText,
	type Attempt,
} from './rate-limit-live-view';

const t0 = 1_700_000_000_400;
const body429 = '{"data":{},"message":"Too Many Requests.","status":429}\n';
const attempt = (sentAt: number, status: number, who: Attempt['who'] = 'you'): Attempt => ({
	who,
	path: 'direct',
	sentAt,
	answeredAt: sentAt + 5,
	status,
	bodyText:
		status === 429 ? body429 : '{"data":{},"message":"Failed to authenticate.","status":400}',
	headers: [['content-type', 'application/json']],
});

describe('predictions', () => {
	it('follow the playground’s *:auth rule, 2 per 3 s, window by whole second', () => {
		const predictor = new Predictor();
		const answers = [0, 50, 100, 2500, 2700].map((ms) => predictor.predict('direct', t0 + ms));
		expect(answers.map((a) => a.allowed)).toEqual([true, true, false, false, true]);
		// The window began at the whole second of the first attempt: 1_700_000_000.
		expect(answers[0]!.windowStart).toBe(1_700_000_000);
		expect(answers[4]!.windowStart).toBe(1_700_000_003);
	});
	it('keep the server’s one address apart from the reader’s own', () => {
		const predictor = new Predictor();
		predictor.predict('direct', t0);
		predictor.predict('direct', t0);
		expect(predictor.predict('server', t0).allowed).toBe(true);
	});
});

describe('rows and sentences', () => {
	const burst = [attempt(t0, 400), attempt(t0 + 20, 400), attempt(t0 + 45, 429)];
	it('lines up each measured answer with the prediction', () => {
		expect(attemptRows(burst, [true, true, false])).toEqual([
			{
				who: 'You',
				at: '+0.00 s',
				measured: '400: let through (wrong password)',
				predicted: 'allowed',
				agrees: true,
			},
			{
				who: 'You',
				at: '+0.02 s',
				measured: '400: let through (wrong password)',
				predicted: 'allowed',
				agrees: true,
			},
			{ who: 'You', at: '+0.04 s', measured: '429: refused', predicted: '429', agrees: true },
		]);
		expect(disagreement(attemptRows(burst, [true, true, false]), 'direct')).toBeUndefined();
	});
	it('says where the model and PocketBase differ, and why that can happen', () => {
		const rows = attemptRows(burst, [true, false, true]);
		expect(disagreement(rows, 'server')).toMatch(
			/^The model and PocketBase differ on attempts 2, 3\. Every visitor’s simulated server shares/
		);
		expect(disagreement(attemptRows(burst, [false, true, false]), 'direct')).toMatch(
			/^The model and PocketBase differ on attempt 1\. Something else from your address/
		);
	});
	it('never counts a missing answer as agreement', () => {
		expect(attemptRows([attempt(t0, 0)], [true])[0]!.agrees).toBe(false);
		expect(statusText(0)).toBe('no answer');
	});
	it('sums up the burst', () => {
		expect(directSummary(burst)).toBe(
			'Attempt 3 got a real 429, 0.04 s after the first: PocketBase allowed 2 sign-in attempts from your address in this window.'
		);
		expect(directSummary([attempt(t0, 400)])).toMatch(/^No 429 in 1 attempts/);
	});
	it('shows the exact 429 and the missing Retry-After', () => {
		expect(isPocketBase429(burst[2]!)).toBe(true);
		expect(isPocketBase429(burst[0]!)).toBe(false);
		expect(responseLines(burst[2]!)).toEqual([
			'Status: 429',
			`Body: ${body429}`,
			'Headers the browser shows: content-type: application/json',
			'Retry-After: none. PocketBase sends no Retry-After on a 429; the tests check the raw response.',
		]);
	});
	it('compares the measured reopening with the modelled one', () => {
		const opens = 1_700_000_003_000;
		const reopen = (measuredAt: number | undefined, orOneSecondLater = false) =>
			reopenText(t0, { predictedAt: opens, orOneSecondLater, measuredAt });
		expect(reopen(opens + 120)).toBe(
			'Modelled: the *:auth window (2 per 3 s) began in the whole second of your first attempt and opens again at +2.60 s. Measured: PocketBase let an attempt through again at +2.72 s, as the model says (we ask every 0.2 s).'
		);
		expect(reopen(opens + 1500)).toMatch(/not where the model says/);
		expect(reopen(undefined)).toMatch(/Measured: still closed when we stopped asking\.$/);
	});
	it('allows either second when the first attempt left in one and was answered in the next', () => {
		const opens = 1_700_000_003_000;
		const text = reopenText(t0, {
			predictedAt: opens,
			orOneSecondLater: true,
			measuredAt: opens + 1150,
		});
		expect(text).toContain('opens again at +2.60 s or +3.60 s.');
		expect(text).toContain('at +3.75 s, as the model says');
		// A second later than that is still wrong.
		expect(
			reopenText(t0, { predictedAt: opens, orOneSecondLater: true, measuredAt: opens + 2150 })
		).toMatch(/not where the model says/);
	});
	it('sums up the server run, the reader’s own attempt included', () => {
		const run = [
			attempt(t0, 400, 1),
			attempt(t0 + 1, 400, 2),
			attempt(t0 + 2, 429),
			attempt(t0 + 3, 429, 3),
		];
		expect(serverSummary(run)).toBe(
			'Through the one server address, 2 of 4 sign-in attempts got through and 2 got a real 429 (yours among them). Each person made one attempt.'
		);
	});
	it('spreads the server’s users over the run, the reader among them', () => {
		expect(serverSchedule(4)).toEqual([
			{ who: 1, delayMs: 0 },
			{ who: 2, delayMs: 300 },
			{ who: 'you', delayMs: 600 },
			{ who: 3, delayMs: 900 },
			{ who: 4, delayMs: 1200 },
		]);
		expect(serverSchedule(1)).toEqual([
			{ who: 'you', delayMs: 0 },
			{ who: 1, delayMs: 1200 },
		]);
	});
});

describe('what the live tables and sentences show', () => {
	it('puts each attempt’s cells in column order, the model’s with its verdict', () => {
		const [agree, differ] = attemptRows([attempt(t0, 400), attempt(t0 + 250, 400)], [true, false]);
		expect(rowCells(agree!)).toEqual([
			'You',
			'+0.00 s',
			'400: let through (wrong password)',
			'allowed, same',
		]);
		expect(rowCells(differ!)).toEqual([
			'You',
			'+0.25 s',
			'400: let through (wrong password)',
			'429, differs',
		]);
	});

	it('offers the next second too when the first attempt was answered in it', () => {
		const opens = 1_700_000_003_000;
		const sameSecond = { sentAt: t0, answeredAt: t0 + 5 };
		expect(reopenAfter(sameSecond, opens, undefined)).toBe(
			reopenText(t0, { predictedAt: opens, orOneSecondLater: false, measuredAt: undefined })
		);
		const nextSecond = { sentAt: 1_700_000_000_990, answeredAt: 1_700_000_001_010 };
		expect(reopenAfter(nextSecond, opens, opens + 100)).toContain(' or ');
		expect(reopenAfter(nextSecond, opens, opens + 100)).toBe(
			reopenText(nextSecond.sentAt, {
				predictedAt: opens,
				orOneSecondLater: true,
				measuredAt: opens + 100,
			})
		);
	});
});

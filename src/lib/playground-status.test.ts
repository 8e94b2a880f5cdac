import { describe, expect, it } from 'vitest';
import type { Region } from './playground-regions';
import { playgroundStatus, type StatusInput } from './playground-status';
import { recordCall, recordCalls, type RoundTrips } from './round-trips';

const eu: Region = { name: 'eu', url: 'https://eu.example.com' };
const us: Region = { name: 'us', url: 'https://us.example.com' };
const label = 'Recorded on 7 December 2026 against PocketBase 0.40.4';

/** EU measured at about 120 ms and US at about 30 ms, then US checked twice more. */
const measured: RoundTrips = [28, 31].reduce(
	(log, ms) => recordCall(log, us.url, ms),
	recordCalls(recordCalls({}, eu.url, { samples: [300, 120, 118], answered: true }), us.url, {
		samples: [90, 30, 29],
		answered: true,
	})
);

const nearestUs: StatusInput = {
	regions: [eu, us],
	url: us.url,
	source: 'region',
	state: 'connected',
	choice: { region: us, reason: 'nearest' },
	roundTrips: measured,
	host: undefined,
	recorded: [],
};

describe('the playground status', () => {
	it('lists every playground: whether it answers, its median round trip, the one in use', () => {
		const status = playgroundStatus(nearestUs);
		expect(status.rows).toEqual([
			{
				name: 'EU',
				url: eu.url,
				inUse: false,
				answers: true,
				answerText: 'Yes',
				roundTrip: '120 ms (median of 3 calls)',
			},
			{
				name: 'US',
				url: us.url,
				inUse: true,
				answers: true,
				answerText: 'Yes',
				roundTrip: '30 ms (median of 5 calls)',
			},
		]);
		expect(status.why).toBe(
			'The demos use the US playground: the nearest that answered when this tab measured them all.'
		);
		expect(status.summary).toBe('2 of 2 answering, live results');
	});

	it('shows a stopped playground as not answering, with no round trip', () => {
		const log = recordCalls(measured, eu.url, { samples: [], answered: false });
		const status = playgroundStatus({ ...nearestUs, roundTrips: log });
		expect(status.rows[0]).toMatchObject({ name: 'EU', answers: false, answerText: 'No' });
		expect(status.rows[0]?.roundTrip).toBe('none');
		expect(status.summary).toBe('1 of 2 answering, live results');
	});

	it('follows the health checks of the one in use, which the others do not get', () => {
		const stopped = playgroundStatus({ ...nearestUs, state: 'unreachable' });
		expect(stopped.rows[1]).toMatchObject({ answers: false, answerText: 'No', roundTrip: 'none' });
		expect(stopped.rows[0]).toMatchObject({ answers: true, answerText: 'Yes' });
		const limited = playgroundStatus({ ...nearestUs, state: 'rate-limited' });
		expect(limited.rows[1]).toMatchObject({ answers: true, answerText: 'Yes, rate-limited (429)' });
	});

	it('says the first listed is used when none answered', () => {
		const status = playgroundStatus({
			...nearestUs,
			url: eu.url,
			state: 'unreachable',
			choice: { region: eu, reason: 'none-answered' },
			roundTrips: recordCall(recordCall({}, eu.url, undefined), us.url, undefined),
		});
		expect(status.why).toBe(
			'The demos use the EU playground, the first listed: none answered when this tab measured them.'
		);
		expect(status.rows.map((row) => row.answerText)).toEqual(['No', 'No']);
		expect(status.summary).toBe('0 of 2 answering, no results yet');
	});

	it('while measuring, knows nothing yet and says so', () => {
		const status = playgroundStatus({
			...nearestUs,
			url: eu.url,
			state: 'checking',
			choice: undefined,
			roundTrips: {},
		});
		expect(status.rows.map((row) => [row.answerText, row.roundTrip])).toEqual([
			['Checking…', 'not yet'],
			['Measuring…', 'not yet'],
		]);
		expect(status.why).toMatch(/^Measuring the round trip to each playground/);
		expect(status.summary).toBe('0 of 2 answering so far, no results yet');
		expect(status.results.text).toBe('None yet: the demos run live once PocketBase answers.');
	});

	it('puts the reader’s own server first, and says the playgrounds were not asked', () => {
		const own = 'http://127.0.0.1:8090';
		const status = playgroundStatus({
			...nearestUs,
			url: own,
			source: 'query',
			choice: undefined,
			roundTrips: recordCall({}, own, 4),
		});
		expect(status.rows.map((row) => [row.name, row.inUse, row.answerText, row.roundTrip])).toEqual([
			['This link’s server', true, 'Yes', '4 ms (one call)'],
			['EU', false, 'Not measured', 'none'],
			['US', false, 'Not measured', 'none'],
		]);
		expect(status.why).toBe(
			'The demos use the server this link names (?pb=), so the site’s playgrounds were not measured.'
		);
		expect(status.summary).toBe('1 of 3 answering, 2 not asked, live results');
	});

	it('with one playground, is one row and a short summary', () => {
		const url = 'http://127.0.0.1:8090';
		const base = { ...nearestUs, regions: [], url, source: 'default' as const, choice: undefined };
		const status = playgroundStatus({ ...base, roundTrips: recordCall({}, url, 3.4) });
		expect(status.rows).toHaveLength(1);
		expect(status.rows[0]?.name).toBe('The site’s playground');
		expect(status.why).toBe('The demos use the site’s playground, the only one it names.');
		expect(status.summary).toBe('answering, live results');
		expect(playgroundStatus({ ...base, state: 'unreachable' }).summary).toBe(
			'not answering, no results yet'
		);
		expect(playgroundStatus({ ...base, state: 'checking' }).summary).toBe(
			'checking, no results yet'
		);
		expect(playgroundStatus({ ...base, source: 'saved' }).why).toBe(
			'The demos use the server you saved in this browser.'
		);
	});

	it('names the host the reader landed on only when the deploy says', () => {
		expect(playgroundStatus(nearestUs).host).toBeUndefined();
		expect(playgroundStatus({ ...nearestUs, host: '' }).host).toBeUndefined();
		expect(playgroundStatus({ ...nearestUs, host: '10.0.0.2:8090' }).host).toBe('10.0.0.2:8090');
	});
});

describe('live or recorded results', () => {
	it('is live while PocketBase answers and no demo shows a recording', () => {
		expect(playgroundStatus(nearestUs).results).toEqual({
			mode: 'live',
			text: 'Live: the demos on this page call the server in use from your browser.',
		});
	});

	it('is recorded while any demo shows its recorded run, with the recording’s date', () => {
		const one = playgroundStatus({ ...nearestUs, recorded: [label] });
		expect(one.results).toEqual({
			mode: 'recorded',
			text: 'Recorded: one demo on this page shows a run recorded on 7 December 2026 against PocketBase 0.40.4, not live numbers.',
		});
		expect(one.summary).toBe('2 of 2 answering, recorded results');
		const two = playgroundStatus({ ...nearestUs, state: 'unreachable', recorded: [label, label] });
		expect(two.results.text).toMatch(/^Recorded: 2 demos on this page show a run recorded on 7/);
	});

	it('is neither while PocketBase does not answer, and says what can be shown instead', () => {
		expect(playgroundStatus({ ...nearestUs, state: 'unreachable' }).results).toEqual({
			mode: 'waiting',
			text: 'None yet: PocketBase is not answering, so the demos cannot run live; those with a recorded run offer it instead.',
		});
		expect(playgroundStatus({ ...nearestUs, state: 'blocked' }).results.text).toBe(
			'None yet: the demos cannot run live on this server (see above); those with a recorded run offer it instead.'
		);
	});
});

/**
 * The playground's own status, as the connection panel shows it: which of the site's
 * playgrounds answer and how far away each is (the median of the round trips this tab measured,
 * round-trips.ts), which one the demos use and why, the host the reader landed on when the
 * deploy says, and whether the demos on the page show live results or a recorded run.
 *
 * Only the playground in use is checked again (every 30 s); the others are known from the
 * measurement that picked the nearest, so the status costs no calls of its own.
 */
import { demoControlsEnabled, type ConnectionState } from './connection-status';
import { regionLabel, type Region, type RegionChoice } from './playground-regions';
import type { UrlSource } from './pocketbase-url';
import { medianRoundTrip, type RoundTrips } from './round-trips';

export interface StatusInput {
	/** The site's playgrounds (one per region), whether or not the demos use one of them. */
	regions: readonly Region[];
	/** The server the demos use, where it came from, and how it answers now. */
	url: string;
	source: UrlSource;
	state: ConnectionState;
	/** The measurement's choice, once made (with `source: 'region'`). */
	choice: Pick<RegionChoice, 'region' | 'reason'> | undefined;
	roundTrips: RoundTrips;
	/** The host that made the last answer, when the deploy names it (X-Playground-Host). */
	host: string | undefined;
	/** The label of each demo on the page that shows a recorded run now. */
	recorded: readonly string[];
}

export interface PlaygroundRow {
	/** `EU`, or for a server that is not one of the site's, where it came from. */
	name: string;
	url: string;
	/** The demos use it. */
	inUse: boolean;
	/** Whether it answers; `undefined` while that is not known (measuring, or never asked). */
	answers: boolean | undefined;
	answerText: string;
	/** Its median round trip (measured), or why there is none. */
	roundTrip: string;
}

export type ResultsMode = 'live' | 'recorded' | 'waiting';

export interface PlaygroundStatus {
	rows: PlaygroundRow[];
	/** Which server the demos use, and why. */
	why: string;
	host: string | undefined;
	results: { mode: ResultsMode; text: string };
	/** One line for the closed disclosure. */
	summary: string;
}

const answerWords: Record<ConnectionState, [answers: boolean | undefined, text: string]> = {
	checking: [undefined, 'Checking…'],
	connected: [true, 'Yes'],
	slow: [true, 'Yes, slowly'],
	'rate-limited': [true, 'Yes, rate-limited (429)'],
	unreachable: [false, 'No'],
	blocked: [false, 'Blocked by the browser'],
	'not-pocketbase': [false, 'Not a PocketBase'],
	error: [false, 'With an error'],
};

const ownServerNames: Record<Exclude<UrlSource, 'region'>, string> = {
	query: 'This link’s server',
	saved: 'Your saved server',
	default: 'The site’s playground',
};

export function playgroundStatus(input: StatusInput): PlaygroundStatus {
	const rows = input.regions.map((region) => regionRow(region, input));
	if (!rows.some((row) => row.inUse)) {
		const name = input.source === 'region' ? 'The site’s playground' : ownServerNames[input.source];
		rows.unshift(inUseRow(name, input));
	}
	const results = resultsOf(input);
	return {
		rows,
		why: whyOf(input),
		host: input.host || undefined,
		results,
		summary: summaryOf(rows, results.mode),
	};
}

function regionRow(region: Region, input: StatusInput): PlaygroundRow {
	const name = regionLabel(region.name);
	if (region.url === input.url) return inUseRow(name, input);
	const record = input.roundTrips[region.url];
	const row = { name, url: region.url, inUse: false };
	if (record === undefined) {
		// Only the measurement that picks the nearest asks the others; without it, nothing is known.
		return input.source === 'region' && input.choice === undefined
			? { ...row, answers: undefined, answerText: 'Measuring…', roundTrip: 'not yet' }
			: { ...row, answers: undefined, answerText: 'Not measured', roundTrip: 'none' };
	}
	const answers = record.answered;
	return {
		...row,
		answers,
		answerText: answers ? 'Yes' : 'No',
		roundTrip: roundTripText(input.roundTrips, region.url, answers),
	};
}

function inUseRow(name: string, input: StatusInput): PlaygroundRow {
	const [answers, answerText] = answerWords[input.state];
	return {
		name,
		url: input.url,
		inUse: true,
		answers,
		answerText,
		roundTrip: roundTripText(input.roundTrips, input.url, answers),
	};
}

/** No number for a server that does not answer now: its earlier median would read as current. */
function roundTripText(log: RoundTrips, url: string, answers: boolean | undefined): string {
	const measured = answers === false ? undefined : medianRoundTrip(log, url);
	if (!measured) return answers === undefined ? 'not yet' : 'none';
	const calls = measured.count === 1 ? 'one call' : `median of ${measured.count} calls`;
	return `${Math.round(measured.ms)} ms (${calls})`;
}

function whyOf({ regions, source, choice }: StatusInput): string {
	const notMeasured = regions.length > 0 ? ', so the site’s playgrounds were not measured' : '';
	switch (source) {
		case 'query':
			return `The demos use the server this link names (?pb=)${notMeasured}.`;
		case 'saved':
			return `The demos use the server you saved in this browser${notMeasured}.`;
		case 'default':
			return 'The demos use the site’s playground, the only one it names.';
		case 'region':
			if (!choice)
				return 'Measuring the round trip to each playground: the demos will use the nearest that answers.';
			return choice.reason === 'nearest'
				? `The demos use the ${regionLabel(choice.region.name)} playground: the nearest that answered when this tab measured them all.`
				: `The demos use the ${regionLabel(choice.region.name)} playground, the first listed: none answered when this tab measured them.`;
	}
}

function resultsOf({ state, recorded }: StatusInput): PlaygroundStatus['results'] {
	if (recorded.length > 0) {
		const labels = [...new Set(recorded)].map(
			(label) => label.charAt(0).toLowerCase() + label.slice(1)
		);
		const demos =
			recorded.length === 1
				? 'one demo on this page shows'
				: `${recorded.length} demos on this page show`;
		return {
			mode: 'recorded',
			text: `Recorded: ${demos} a run ${labels.join('; ')}, not live numbers.`,
		};
	}
	if (demoControlsEnabled(state)) {
		return {
			mode: 'live',
			text: 'Live: the demos on this page call the server in use from your browser.',
		};
	}
	const offer = 'those with a recorded run offer it instead';
	const texts: Partial<Record<ConnectionState, string>> = {
		checking: 'None yet: the demos run live once PocketBase answers.',
		unreachable: `None yet: PocketBase is not answering, so the demos cannot run live; ${offer}.`,
	};
	return {
		mode: 'waiting',
		text:
			texts[state] ?? `None yet: the demos cannot run live on this server (see above); ${offer}.`,
	};
}

const resultsWords: Record<ResultsMode, string> = {
	live: 'live results',
	recorded: 'recorded results',
	waiting: 'no results yet',
};

function summaryOf(rows: readonly PlaygroundRow[], mode: ResultsMode): string {
	return `${answersSummary(rows)}, ${resultsWords[mode]}`;
}

function answersSummary(rows: readonly PlaygroundRow[]): string {
	const [only] = rows;
	if (rows.length === 1 && only) {
		if (only.answers === undefined) return 'checking';
		return only.answers ? 'answering' : 'not answering';
	}
	const answering = rows.filter((row) => row.answers === true).length;
	const answered = `${answering} of ${rows.length} answering`;
	const notAsked = rows.filter((row) => row.answerText === 'Not measured').length;
	if (notAsked > 0) return `${answered}, ${notAsked} not asked`;
	return rows.some((row) => row.answers === undefined) ? `${answered} so far` : answered;
}

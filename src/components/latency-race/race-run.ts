/**
 * One run of the race: prepares what every request needs, then sends the planned requests
 * (src/lib/latency-race.ts) on both paths, each timed by the demo kit's one instrument, and
 * hands every result on as it arrives.
 */
import type PocketBase from 'pocketbase';
import {
	directClient,
	reportFailure,
	reportResponse,
	signedInEmail,
	signInThrowawayUser,
} from '../demo-kit/connection';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { timedCall, type MarkedOptions } from '../demo-kit/timing';
import { directReplay, findDiagram, proxyReplay } from '~/lib/diagram-replay';
import {
	planJobs,
	raceColdStarts,
	raceHop,
	runPool,
	type RaceJob,
	type RaceResult,
	type RaceSettings,
} from '~/lib/latency-race';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import type { SimulatedServer } from '~/lib/simulated-server';
import { replayPicks } from './latency-race-view';

interface Prepared {
	pb: PocketBase;
	recordId: string;
}

interface RunContext {
	settings: RaceSettings;
	prepared: Prepared;
	server: SimulatedServer<PocketBase>;
	cold: () => boolean;
	started: number;
	signal: AbortSignal;
}

export interface RaceWatcher {
	/** A step before the requests (signing in), said in words. */
	preparing(text: string): void;
	/** The run could not start; `text` says why, with advice. */
	notStarted(text: string): void;
	/** Another result arrived; `results` holds every one so far. */
	progressed(results: readonly RaceResult[]): void;
}

/** Runs the race; resolves with every finished request, whether or not `signal` cancelled it. */
export async function runRace(
	settings: RaceSettings,
	signal: AbortSignal,
	watcher: RaceWatcher
): Promise<RaceResult[] | undefined> {
	const prepared = await prepare(settings, watcher);
	if (!prepared) return undefined;
	const context: RunContext = {
		settings,
		prepared,
		server: await simulatedServer('per-request'),
		cold: raceColdStarts(settings),
		started: performance.now(),
		signal,
	};
	const results: RaceResult[] = [];
	await runPool(
		planJobs(settings.requests, settings.seed),
		settings.concurrency,
		async (job) => {
			const result = await runJob(job, context);
			if (result) results.push(result);
			watcher.progressed(results);
		},
		signal
	);
	return results;
}

/** What every request needs: the SDK client, a record id to view, a signed-in user. */
async function prepare(settings: RaceSettings, watcher: RaceWatcher) {
	try {
		const pb = await directClient();
		if (settings.operation === 'own' && !(await signedInEmail())) {
			watcher.preparing('Signing in a throwaway user for “my own notes”…');
			await signInThrowawayUser();
		}
		let recordId = '';
		if (settings.operation === 'view') {
			const first = await pb.collection('articles').getList(1, 1, { requestKey: null });
			recordId = first.items[0]?.id ?? '';
		}
		return { pb, recordId };
	} catch (error) {
		const text = describeFailure(toRequestFailure(error));
		watcher.notStarted(`Could not prepare the run. ${text.title} ${text.advice}`);
		await reportFailure(error);
		return undefined;
	}
}

async function runJob(job: RaceJob, context: RunContext): Promise<RaceResult | undefined> {
	const { settings, prepared, server, started, signal } = context;
	const call = (pb: PocketBase, marked: MarkedOptions) =>
		operationCall(pb, settings, prepared.recordId, { ...marked, signal });
	const startMs = performance.now() - started;
	const cold = job.path === 'proxy' && context.cold();
	const outcome =
		job.path === 'direct'
			? { ...(await timedCall((marked) => call(prepared.pb, marked))), totalMs: undefined }
			: await proxiedCall(server, call, {
					hop: raceHop(settings, cold),
					signal,
					// The cookie flow: the server acts as the signed-in reader.
					forwardAuthFrom: prepared.pb,
				}).catch(() => undefined);
	if (!outcome || signal.aborted) return undefined;
	const modelledMs = outcome.totalMs === undefined ? 0 : outcome.totalMs - outcome.measuredMs;
	const base = {
		path: job.path,
		index: job.index,
		startMs,
		totalMs: outcome.measuredMs + modelledMs,
		measuredMs: outcome.measuredMs,
		modelledMs,
		cold,
		instrument: outcome.instrument,
		wholeFetchMs: outcome.wholeFetchMs,
		wallClockMs: outcome.wallClockMs,
	};
	if (outcome.ok) {
		reportResponse(200);
		return { ...base, status: 200 };
	}
	const failure = toRequestFailure(outcome.error);
	await reportFailure(outcome.error);
	return { ...base, status: failure.status, failure: describeFailure(failure).title };
}

/** The real request each job makes, marked so the instrument can find it. */
function operationCall(
	pb: PocketBase,
	settings: RaceSettings,
	recordId: string,
	options: MarkedOptions & { signal?: AbortSignal }
): Promise<unknown> {
	const sdkOptions = { requestKey: null, ...options };
	switch (settings.operation) {
		case 'list':
			return pb.collection('articles').getList(1, 20, sdkOptions);
		case 'view':
			return pb.collection('articles').getOne(recordId, sdkOptions);
		case 'own':
			return pb.collection('notes').getList(1, 20, sdkOptions);
	}
}

/** Hands the median request of each path to the page's diagrams, to replay to scale. */
export function replayOnDiagrams(results: readonly RaceResult[]): void {
	const { direct, proxy } = replayPicks(results);
	if (direct) void findDiagram(document, 'direct-flow')?.replay(directReplay(direct.measuredMs));
	if (proxy) {
		void findDiagram(document, 'proxy-flow')?.replay(
			proxyReplay(proxy.modelledMs, proxy.measuredMs)
		);
	}
}

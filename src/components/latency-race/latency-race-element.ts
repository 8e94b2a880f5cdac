/**
 * <latency-race>: binds the race (src/lib/latency-race.ts) to the page. It runs the requests
 * against the connected PocketBase, direct and through the simulated server, both timed by the
 * demo kit's one instrument, and hands every state to latency-race-view.ts to be shown.
 */
import type PocketBase from 'pocketbase';
import {
	connection,
	directClient,
	reportFailure,
	reportResponse,
	signedInEmail,
	signInThrowawayUser,
	startWatching,
} from '../demo-kit/connection';
import { copyLink } from '../demo-kit/copy-link';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { SettingsForm } from '../demo-kit/settings-form';
import { timedCall, type MarkedOptions } from '../demo-kit/timing';
import { canRunDemos } from '~/lib/connection-status';
import { directReplay, findDiagram, proxyReplay } from '~/lib/diagram-replay';
import {
	initialSettings,
	isPresetField,
	planJobs,
	raceColdStarts,
	raceHop,
	raceParamPrefix,
	raceSchema,
	runPool,
	withPreset,
	type RaceJob,
	type RaceResult,
	type RaceSettings,
} from '~/lib/latency-race';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import type { SimulatedServer } from '~/lib/simulated-server';
import { decodeSettings } from '~/lib/url-state';
import {
	failureLines,
	instrumentText,
	outcomeText,
	progressText,
	replayPicks,
	requestRows,
	scenarioText,
	summaryRows,
} from './latency-race-view';
import { drawWaterfall } from './waterfall';

type Field = keyof typeof raceSchema;

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

class LatencyRace extends HTMLElement {
	#settings!: RaceSettings;
	#controller: AbortController | undefined;
	#form!: SettingsForm<typeof raceSchema>;
	#results: readonly RaceResult[] = [];

	/** The last run's results, for `npm run bench` (the A/A check reads them). */
	get results(): readonly RaceResult[] {
		return this.#results;
	}

	connectedCallback() {
		this.#form = new SettingsForm(this.querySelector('form')!, raceSchema, raceParamPrefix);
		const params = new URLSearchParams(location.search);
		const decoded = decodeSettings(raceSchema, params, raceParamPrefix);
		this.#settings = initialSettings(decoded.value, params);
		this.#showProblems(decoded.problems);
		this.#fillForm();

		this.#form.form.addEventListener('change', (event) => this.#onChange(event));
		this.#form.form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#run();
		});
		this.#part('.cancel').addEventListener('click', () =>
			this.#controller?.abort(new DOMException('Cancelled by the reader', 'AbortError'))
		);
		this.#part<HTMLButtonElement>('.copy').addEventListener('click', () => {
			void copyLink(this.#part('.copy'), this.#form.link(this.#settings, this.id));
		});
		// A demo needs a live status even on a page without the connection panel.
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			this.#runButton.disabled = !ready || this.#controller !== undefined;
			this.#runButton.title = ready ? '' : 'PocketBase is not reachable: see the connection panel.';
		});
	}

	#part<E extends HTMLElement = HTMLElement>(selector: string): E {
		return this.querySelector<E>(selector)!;
	}

	get #runButton() {
		return this.#part<HTMLButtonElement>('button[type="submit"]');
	}

	#fillForm() {
		this.#form.fill(this.#settings);
		this.#part('.scenario-text').textContent = scenarioText(this.#settings);
	}

	#onChange(event: Event) {
		const target = event.target as HTMLInputElement | HTMLSelectElement;
		const key = (Object.keys(raceSchema) as Field[]).find(
			(field) => this.#form.control(field) === target
		);
		if (!key) return;
		const problem = this.#form.problemWith(key);
		target.setAttribute('aria-invalid', String(problem !== undefined));
		if (problem) {
			// Nothing changes until the value is valid: not the settings, not the address bar.
			this.#showProblems([problem]);
			return;
		}
		this.#showProblems([]);
		let next: RaceSettings = { ...this.#settings, [key]: this.#form.read().value[key] };
		if (key === 'scenario') next = withPreset(next, next.scenario);
		else if (isPresetField(key)) next.scenario = 'custom';
		this.#settings = next;
		this.#fillForm();
		this.#form.writeUrl(next);
	}

	#showProblems(problems: string[]) {
		const box = this.#part('.problems');
		box.textContent = problems.join(' ');
		box.hidden = problems.length === 0;
	}

	#progress(done: number, total: number, text: string) {
		const box = this.#part('.progress');
		box.hidden = false;
		const bar = box.querySelector('progress')!;
		bar.max = total;
		bar.value = done;
		box.querySelector('.progress-text')!.textContent = text;
	}

	async #run() {
		const settings = this.#settings;
		const controller = new AbortController();
		this.#controller = controller;
		this.#runButton.disabled = true;
		this.#part('.cancel').hidden = false;
		const results: RaceResult[] = [];
		this.#results = results;
		const total = settings.requests * 2;
		try {
			this.#progress(0, total, 'Preparing…');
			const prepared = await this.#prepare(settings);
			if (!prepared) return;
			const context: RunContext = {
				settings,
				prepared,
				server: await simulatedServer('per-request'),
				cold: raceColdStarts(settings),
				started: performance.now(),
				signal: controller.signal,
			};
			await runPool(
				planJobs(settings.requests, settings.seed),
				settings.concurrency,
				async (job) => {
					const result = await this.#runJob(job, context);
					if (result) results.push(result);
					this.#progress(results.length, total, progressText(results.length, total, 'running'));
					this.#render(results, settings, false);
				},
				controller.signal
			);
			const cancelled = controller.signal.aborted;
			this.#render(results, settings, cancelled);
			this.#progress(
				results.length,
				total,
				progressText(results.length, total, cancelled ? 'cancelled' : 'done')
			);
			if (!cancelled && results.length === total) replayOnDiagrams(results);
		} finally {
			this.#controller = undefined;
			this.#part('.cancel').hidden = true;
			this.#runButton.disabled = !canRunDemos(connection.get().status.state);
		}
	}

	/** What every request needs: the SDK client, a record id to view, a signed-in user. */
	async #prepare(settings: RaceSettings): Promise<Prepared | undefined> {
		try {
			const pb = await directClient();
			if (settings.operation === 'own' && !(await signedInEmail())) {
				this.#progress(0, 1, 'Signing in a throwaway user for “my own notes”…');
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
			this.#showProblems([`Could not prepare the run. ${text.title} ${text.advice}`]);
			this.#progress(0, 1, 'Not started.');
			await reportFailure(error);
			return undefined;
		}
	}

	async #runJob(job: RaceJob, context: RunContext): Promise<RaceResult | undefined> {
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

	/**
	 * One request of each path with the race's own instrumentation, for `npm run bench`, which
	 * checks both against a bare fetch of the same endpoint.
	 */
	async measureOnce(path: 'direct' | 'proxy') {
		const settings = { ...this.#settings, operation: 'list' as const };
		const pb = await directClient();
		const call = (client: PocketBase, marked: MarkedOptions) =>
			operationCall(client, settings, '', marked);
		const outcome =
			path === 'direct'
				? await timedCall((marked) => call(pb, marked))
				: await proxiedCall(await simulatedServer(), call, { hop: { addedMs: 0, cold: false } });
		if (!outcome.ok) throw new Error('PocketBase did not answer.');
		const { measuredMs, instrument, wholeFetchMs, wallClockMs } = outcome;
		return { ms: measuredMs, instrument, wholeFetchMs, wallClockMs };
	}

	#render(results: readonly RaceResult[], settings: RaceSettings, cancelled: boolean) {
		const section = this.#part('.results');
		section.hidden = false;
		section.querySelector('.summary tbody')!.replaceChildren(
			...summaryRows(results).map(({ path, cells }) => {
				const tr = document.createElement('tr');
				tr.dataset['path'] = path;
				cells.forEach((text, column) => {
					const cell = document.createElement(column === 0 ? 'th' : 'td');
					if (column === 0) cell.setAttribute('scope', 'row');
					cell.textContent = text;
					tr.append(cell);
				});
				return tr;
			})
		);
		section.querySelector('.reasons')!.replaceChildren(
			...failureLines(results).map((line) => {
				const li = document.createElement('li');
				li.textContent = line;
				return li;
			})
		);
		section.querySelector('.outcome')!.textContent = outcomeText(results, cancelled);
		section.querySelector('.instrument')!.textContent = instrumentText(results);
		drawWaterfall(section.querySelector('svg')!, results, settings);
		section.querySelector('.requests tbody')!.replaceChildren(
			...requestRows(results).map((cells) => {
				const tr = document.createElement('tr');
				for (const text of cells) {
					const td = document.createElement('td');
					td.textContent = text;
					tr.append(td);
				}
				return tr;
			})
		);
	}
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
function replayOnDiagrams(results: readonly RaceResult[]) {
	const { direct, proxy } = replayPicks(results);
	if (direct) void findDiagram(document, 'direct-flow')?.replay(directReplay(direct.measuredMs));
	if (proxy) {
		void findDiagram(document, 'proxy-flow')?.replay(
			proxyReplay(proxy.modelledMs, proxy.measuredMs)
		);
	}
}

customElements.define('latency-race', LatencyRace);

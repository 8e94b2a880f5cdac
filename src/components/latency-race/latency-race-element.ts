/**
 * <latency-race>: runs the race described in src/lib/latency-race.ts against the connected
 * PocketBase and draws the result. The direct path is timed with Resource Timing (what the
 * browser itself recorded for the request); the proxied path goes through SimulatedServer.
 */
import type PocketBase from 'pocketbase';
import {
	connection,
	directClient,
	reportFailure,
	reportResponse,
	serverClientFactory,
	signedInEmail,
	signInThrowawayUser,
	startWatching,
} from '../connection/connection';
import { copyLink } from '../copy-link';
import { measuredDuration, timingQuery } from '../resource-timing';
import { canRunDemos } from '~/lib/connection-status';
import { directReplay, findDiagram, proxyReplay } from '~/lib/diagram-replay';
import {
	coldStartDraws,
	hopFor,
	initialSettings,
	isPresetField,
	planJobs,
	raceParamPrefix,
	raceSchema,
	runPool,
	summarizeRace,
	withPreset,
	type RaceJob,
	type RaceResult,
	type RaceSettings,
} from '~/lib/latency-race';
import { scenarioPresets } from '~/lib/network-model';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { realClock, SimulatedServer } from '~/lib/simulated-server';
import { decodeSettings, withSettings } from '~/lib/url-state';
import { drawWaterfall } from './waterfall';

type Field = keyof typeof raceSchema;
const fields = Object.keys(raceSchema) as Field[];
const ms = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value)} ms`);

class LatencyRace extends HTMLElement {
	#settings!: RaceSettings;
	#controller: AbortController | undefined;
	#form!: HTMLFormElement;

	connectedCallback() {
		this.#form = this.querySelector('form')!;
		const params = new URLSearchParams(location.search);
		const decoded = decodeSettings(raceSchema, params, raceParamPrefix);
		this.#settings = initialSettings(decoded.value, params);
		this.#showProblems(decoded.problems);
		this.#fillForm();

		this.#form.addEventListener('change', (event) => this.#onChange(event));
		this.#form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#run();
		});
		this.querySelector('.cancel')!.addEventListener('click', () =>
			this.#controller?.abort(new DOMException('Cancelled by the reader', 'AbortError'))
		);
		this.querySelector('.copy')!.addEventListener('click', () => void this.#copyLink());
		// A demo needs a live status even on a page without the connection panel.
		startWatching();
		connection.subscribe(({ status }) => {
			const ready = canRunDemos(status.state) || status.state === 'rate-limited';
			this.#runButton.disabled = !ready || this.#controller !== undefined;
			this.#runButton.title = ready ? '' : 'PocketBase is not reachable: see the connection panel.';
		});
	}

	get #runButton() {
		return this.querySelector<HTMLButtonElement>('button[type="submit"]')!;
	}

	#input(name: Field) {
		return this.#form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
	}

	#fillForm() {
		for (const key of fields) this.#input(key).value = String(this.#settings[key]);
		const preset = scenarioPresets.find((p) => p.id === this.#settings.scenario);
		const hop = hopFor(this.#settings, false);
		this.querySelector('.scenario-text')!.textContent =
			`${preset ? preset.description : 'Your own numbers.'} Modelled extra time per request through the server: ${hop.addedMs.toFixed(1)} ms (${hop.terms.map((t) => `${t.label} ${t.ms > 0 ? '+' : '−'}${Math.abs(t.ms).toFixed(1)}`).join(', ')}).`;
	}

	#onChange(event: Event) {
		const target = event.target as HTMLInputElement | HTMLSelectElement;
		const key = target.name as Field;
		if (!fields.includes(key)) return;
		// Validate the one field through the same schema the URL uses.
		const decoded = decodeSettings(
			raceSchema,
			new URLSearchParams([[key.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`), target.value]])
		);
		const problem = decoded.problems[0];
		target.setAttribute('aria-invalid', String(problem !== undefined));
		if (problem) {
			this.#showProblems([problem.replace(/^“[^”]*”: /, `${raceSchema[key].label}: `)]);
			return;
		}
		this.#showProblems([]);
		let next: RaceSettings = { ...this.#settings, [key]: decoded.value[key] };
		if (key === 'scenario') next = withPreset(next, next.scenario);
		else if (isPresetField(key)) {
			next.scenario = 'custom';
		}
		this.#settings = next;
		this.#fillForm();
		const url = new URL(location.href);
		url.search = withSettings(url.searchParams, raceSchema, next, raceParamPrefix).toString();
		history.replaceState(history.state, '', url);
	}

	#showProblems(problems: string[]) {
		const box = this.querySelector<HTMLElement>('.problems')!;
		box.textContent = problems.join(' ');
		box.hidden = problems.length === 0;
	}

	async #copyLink() {
		const url = new URL(location.href);
		url.search = withSettings(
			url.searchParams,
			raceSchema,
			this.#settings,
			raceParamPrefix
		).toString();
		url.hash = this.id;
		await copyLink(this.querySelector<HTMLButtonElement>('.copy')!, url);
	}

	#progress(done: number, total: number, text: string) {
		const box = this.querySelector<HTMLElement>('.progress')!;
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
		this.querySelector<HTMLElement>('.cancel')!.hidden = false;
		const results: RaceResult[] = [];
		const total = settings.requests * 2;
		try {
			this.#progress(0, total, 'Preparing…');
			const prepared = await this.#prepare(settings);
			if (!prepared) return;
			const server = new SimulatedServer(
				{ instances: 'per-request' },
				{ createClient: await serverClientFactory(), clock: realClock }
			);
			const cold = coldStartDraws(settings);
			const runId = Math.random().toString(36).slice(2, 8);
			performance.setResourceTimingBufferSize(2000);
			performance.clearResourceTimings();
			const started = performance.now();
			const jobs = planJobs(settings.requests);
			await runPool(
				jobs,
				settings.concurrency,
				async (job) => {
					const result = await this.#runJob(job, {
						prepared,
						server,
						cold,
						runId,
						started,
						signal: controller.signal,
					});
					if (result) results.push(result);
					this.#progress(results.length, total, `${results.length} of ${total} requests done`);
					this.#render(results, settings, false);
				},
				controller.signal
			);
			this.#render(results, settings, controller.signal.aborted);
			this.#progress(
				results.length,
				total,
				controller.signal.aborted
					? `Cancelled after ${results.length} of ${total} requests.`
					: `Done: ${total} requests.`
			);
		} finally {
			this.#controller = undefined;
			this.querySelector<HTMLElement>('.cancel')!.hidden = true;
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
		const { prepared, server, cold, runId, started, signal } = context;
		const marker = `${runId}-${job.path}-${job.index}`;
		const call = (pb: PocketBase) => operationCall(pb, this.#settings, prepared, marker, signal);
		const startMs = performance.now() - started;
		if (job.path === 'direct') {
			const before = performance.now();
			try {
				const measured = await measuredDuration(() => call(prepared.pb), marker);
				reportResponse(200);
				return {
					path: 'direct',
					index: job.index,
					startMs,
					totalMs: measured,
					measuredMs: measured,
					modelledMs: 0,
					cold: false,
					status: 200,
				};
			} catch (error) {
				if (signal.aborted) return undefined;
				return this.#failed(job, startMs, performance.now() - before, 0, false, error);
			}
		}
		const isCold = cold();
		const hop = hopFor(this.#settings, isCold);
		const outcome = await server
			.handle(
				async ({ client }) => {
					// The cookie flow: the server loads the reader's token from the request.
					if (prepared.pb.authStore.isValid)
						client.authStore.save(prepared.pb.authStore.token, prepared.pb.authStore.record);
					return call(client);
				},
				hop,
				signal
			)
			.catch(() => undefined);
		if (!outcome) return undefined;
		const modelledMs = outcome.segments.find((s) => s.kind === 'modelled')?.durationMs ?? 0;
		const measuredMs = outcome.totalMs - modelledMs;
		if (!outcome.ok)
			return this.#failed(job, startMs, measuredMs, modelledMs, isCold, outcome.error);
		reportResponse(200);
		return {
			path: 'proxy',
			index: job.index,
			startMs,
			totalMs: outcome.totalMs,
			measuredMs,
			modelledMs,
			cold: isCold,
			status: 200,
		};
	}

	/**
	 * One direct request with the race's own instrumentation, for `npm run bench`, which checks
	 * these numbers against a bare fetch of the same endpoint.
	 */
	async measureDirect(marker: string): Promise<number> {
		const prepared = await this.#prepare({ ...this.#settings, operation: 'list' });
		if (!prepared) throw new Error('PocketBase is not reachable.');
		const signal = new AbortController().signal;
		return measuredDuration(
			() =>
				operationCall(
					prepared.pb,
					{ ...this.#settings, operation: 'list' },
					prepared,
					marker,
					signal
				),
			marker
		);
	}

	async #failed(
		job: RaceJob,
		startMs: number,
		measuredMs: number,
		modelledMs: number,
		cold: boolean,
		error: unknown
	): Promise<RaceResult> {
		const failure = toRequestFailure(error);
		await reportFailure(error);
		return {
			path: job.path,
			index: job.index,
			startMs,
			totalMs: measuredMs + modelledMs,
			measuredMs,
			modelledMs,
			cold,
			status: failure.status,
			failure: describeFailure(failure).title,
		};
	}

	#render(results: readonly RaceResult[], settings: RaceSettings, cancelled: boolean) {
		const section = this.querySelector<HTMLElement>('.results')!;
		section.hidden = false;
		const summary = summarizeRace(results);
		const rows = [
			['Direct (measured)', summary.direct],
			['Through the server (measured + modelled)', summary.proxy],
		] as const;
		section.querySelector('.summary tbody')!.replaceChildren(
			...rows.map(([name, path]) => {
				const tr = document.createElement('tr');
				tr.dataset['path'] = name.startsWith('Direct') ? 'direct' : 'proxy';
				for (const text of [
					name,
					ms(path.ok.median),
					ms(path.ok.p95),
					String(path.ok.count),
					String(path.failed),
				]) {
					const td = document.createElement(text === name ? 'th' : 'td');
					if (text === name) td.setAttribute('scope', 'row');
					td.textContent = text;
					tr.append(td);
				}
				return tr;
			})
		);
		section.querySelector('.reasons')!.replaceChildren(
			...(['direct', 'proxy'] as const).flatMap((path) =>
				summary[path].reasons.map(({ reason, count }) => {
					const li = document.createElement('li');
					li.textContent = `${path === 'direct' ? 'Direct' : 'Proxied'}: ${count} × ${reason}`;
					return li;
				})
			)
		);
		const failedAll = summary.direct.failed + summary.proxy.failed;
		const ratio = summary.medianRatio;
		section.querySelector('.outcome')!.textContent = [
			cancelled ? 'Cancelled; the requests that finished are shown.' : '',
			ratio === undefined
				? 'Not enough successful requests on both paths to compare.'
				: `Median through the server: ${ms(summary.proxy.ok.median)}, direct: ${ms(summary.direct.ok.median)} (×${ratio.toFixed(2)}).`,
			failedAll
				? `${failedAll} request${failedAll === 1 ? '' : 's'} failed; the reasons are listed below.`
				: '',
		]
			.filter(Boolean)
			.join(' ');
		drawWaterfall(section.querySelector('svg')!, results, settings);
		section.querySelector('.requests tbody')!.replaceChildren(
			...[...results]
				.sort((a, b) => a.startMs - b.startMs)
				.map((r) => {
					const tr = document.createElement('tr');
					for (const text of [
						String(r.index + 1),
						r.path === 'direct' ? 'direct' : `proxied${r.cold ? ' (cold start)' : ''}`,
						ms(r.startMs),
						ms(r.measuredMs),
						ms(r.modelledMs),
						ms(r.totalMs),
						r.failure ?? 'OK',
					]) {
						const td = document.createElement('td');
						td.textContent = text;
						tr.append(td);
					}
					return tr;
				})
		);
		if (!cancelled && results.length === settings.requests * 2) replayOnDiagrams(results);
	}
}

interface Prepared {
	pb: PocketBase;
	recordId: string;
}

interface RunContext {
	prepared: Prepared;
	server: SimulatedServer<PocketBase>;
	cold: () => boolean;
	runId: string;
	started: number;
	signal: AbortSignal;
}

/** The real request each job makes, marked so Resource Timing can find it. */
function operationCall(
	pb: PocketBase,
	settings: RaceSettings,
	prepared: Prepared,
	marker: string,
	signal: AbortSignal
) {
	const options = { requestKey: null, signal, query: timingQuery(marker) };
	switch (settings.operation) {
		case 'list':
			return pb.collection('articles').getList(1, 20, options);
		case 'view':
			return pb.collection('articles').getOne(prepared.recordId, options);
		case 'own':
			return pb.collection('notes').getList(1, 20, options);
	}
}

/** Hands the median request of each path to the page's diagrams, to replay to scale. */
function replayOnDiagrams(results: readonly RaceResult[]) {
	const median = (path: 'direct' | 'proxy') => {
		const ok = results
			.filter((r) => r.path === path && !r.failure)
			.sort((a, b) => a.totalMs - b.totalMs);
		return ok[Math.floor(ok.length / 2)];
	};
	const direct = median('direct');
	const proxy = median('proxy');
	if (direct) void findDiagram(document, 'direct-flow')?.replay(directReplay(direct.measuredMs));
	if (proxy) {
		void findDiagram(document, 'proxy-flow')?.replay(
			proxyReplay(proxy.modelledMs, proxy.measuredMs)
		);
	}
}

customElements.define('latency-race', LatencyRace);

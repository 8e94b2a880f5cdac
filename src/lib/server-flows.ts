/**
 * The server flows the demos simulate, each modelled once, and the one way a demo gets the
 * modelled hop of a flow.
 *
 * A flow makes some PocketBase calls one after another for one browser request. A simulation
 * makes some of them for real from the browser (measured) and leaves the rest to the model, so
 * each call must be counted once: measured, or modelled, never both. `modelHop`'s hop already
 * stands for the one call the direct path makes too (the measured call replaces it), so the
 * model adds a round trip only for each further call the simulation does not make.
 */
import {
	modelRequest,
	scenarioPresets,
	type RequestModel,
	type ScenarioPreset,
} from './network-model';

export interface ServerFlow {
	/** PocketBase calls the handler makes, one after another, for one request. */
	upstreamCalls: number;
	/** What the handler does, in code a reader recognises. */
	code: string;
}

/** The handler makes the page's one call. */
export const oneCallFlow: ServerFlow = { upstreamCalls: 1, code: 'the page’s own call' };

/**
 * The cookie flow of the JS SDK README, on every page view of a signed-in visitor:
 * `loadFromCookie()`, `authRefresh()`, the page's own query, `exportToCookie()`.
 */
export const cookieFlow: ServerFlow = {
	upstreamCalls: 2,
	code: 'pb.authStore.loadFromCookie(cookie); await authRefresh(); the page’s query; pb.authStore.exportToCookie()',
};

/** A handler that makes `calls` calls in a row (a hook route, say). */
export function callsFlow(calls: number, code = `${calls} calls one after another`): ServerFlow {
	return { upstreamCalls: Math.max(1, Math.trunc(calls)), code };
}

export interface FlowHopOptions {
	/** Which server: one of the network model's presets (default: beside PocketBase). */
	preset?: ScenarioPreset['id'];
	/** How many of the flow's calls the simulation makes for real (default 1). */
	measuredCalls?: number;
	/** Whether this request meets a cold start. */
	cold?: boolean;
}

/** The preset a demo's simulated server stands for; the first one for an unknown id. */
export function serverPreset(id: ScenarioPreset['id'] = 'same-datacenter'): ScenarioPreset {
	return scenarioPresets.find((preset) => preset.id === id) ?? scenarioPresets[0]!;
}

/** The calls of `flow` the model must add, given how many the simulation makes for real. */
export function modelledCalls(flow: ServerFlow, measuredCalls = 1): number {
	const measured = Math.min(flow.upstreamCalls, Math.max(1, Math.trunc(measuredCalls)));
	return 1 + flow.upstreamCalls - measured;
}

/** The modelled hop of one request that runs `flow` on a preset's server. */
export function flowHop(flow: ServerFlow, options: FlowHopOptions = {}): RequestModel {
	const preset = serverPreset(options.preset);
	return modelRequest(
		{ ...preset.scenario, upstreamCalls: modelledCalls(flow, options.measuredCalls) },
		options.cold ?? false
	);
}

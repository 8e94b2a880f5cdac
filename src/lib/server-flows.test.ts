import { describe, expect, it } from 'vitest';
import { modelRequest, scenarioPresets } from './network-model';
import {
	callsFlow,
	cookieFlow,
	flowHop,
	modelledCalls,
	oneCallFlow,
	serverPreset,
} from './server-flows';

const beside = scenarioPresets.find((preset) => preset.id === 'same-datacenter')!.scenario;

describe('server flows', () => {
	it('count the cookie flow’s two calls once each: measured, or modelled', () => {
		expect(cookieFlow.upstreamCalls).toBe(2);
		// Only the page's own call is made for real: the model adds the refresh.
		expect(modelledCalls(cookieFlow, 1)).toBe(2);
		// Both calls are made for real: the model adds neither.
		expect(modelledCalls(cookieFlow, 2)).toBe(1);
		expect(modelledCalls(oneCallFlow)).toBe(1);
		// More measured calls than the flow makes cannot take a call away from the hop.
		expect(modelledCalls(oneCallFlow, 3)).toBe(1);
	});

	it('model the hop from the preset’s scenario and the calls left to model', () => {
		expect(flowHop(cookieFlow, { measuredCalls: 2 })).toEqual(modelRequest(beside));
		expect(flowHop(cookieFlow)).toEqual(modelRequest({ ...beside, upstreamCalls: 2 }));
		expect(flowHop(cookieFlow, { measuredCalls: 2 }).addedMs).toBeLessThan(
			flowHop(cookieFlow).addedMs
		);
		const far = serverPreset('serverless-other-region').scenario;
		expect(flowHop(oneCallFlow, { preset: 'serverless-other-region', cold: true })).toEqual(
			modelRequest(far, true)
		);
	});

	it('make a flow of any number of calls, at least one', () => {
		expect(callsFlow(3).upstreamCalls).toBe(3);
		expect(callsFlow(0).upstreamCalls).toBe(1);
		expect(flowHop(callsFlow(3))).toEqual(modelRequest({ ...beside, upstreamCalls: 3 }));
	});

	it('fall back to the first preset for an unknown one', () => {
		expect(serverPreset('nowhere' as 'same-datacenter')).toBe(scenarioPresets[0]);
	});
});

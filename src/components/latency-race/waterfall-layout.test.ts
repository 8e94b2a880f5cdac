import { describe, expect, it } from 'vitest';
import { layoutDefaults, layoutWaterfall } from './waterfall-layout';

describe('layoutWaterfall', () => {
	it('draws the modelled hop before the measured call, to one scale', () => {
		const layout = layoutWaterfall([
			{ path: 'direct', index: 0, startMs: 0, measuredMs: 50, modelledMs: 0, cold: false },
			{ path: 'proxy', index: 0, startMs: 0, measuredMs: 50, modelledMs: 50, cold: true },
		]);
		const [direct, proxy] = layout.rows;
		expect(direct!.bars.map((b) => b.kind)).toEqual(['measured']);
		expect(proxy!.bars.map((b) => b.kind)).toEqual(['modelled', 'measured']);
		// 100 ms spans the plot; the proxy's measured part starts where its modelled part ends.
		expect(proxy!.bars[1]!.x).toBeCloseTo(proxy!.bars[0]!.x + proxy!.bars[0]!.width);
		expect(direct!.bars[0]!.width).toBeCloseTo(proxy!.bars[1]!.width);
		expect(proxy!.title).toBe('Proxied #1: 50 ms modelled server hop (cold start), 50 ms measured');
	});

	it('marks failures and caps the rows it draws', () => {
		const many = Array.from({ length: 50 }, (_, i) => ({
			path: 'direct' as const,
			index: i,
			startMs: i,
			measuredMs: 3,
			modelledMs: 0,
			cold: false,
			...(i === 0 ? { failure: 'No answer from PocketBase.' } : {}),
		}));
		const layout = layoutWaterfall(many);
		expect(layout.rows).toHaveLength(layoutDefaults.maxRows);
		expect(layout.hidden).toBe(10);
		expect(layout.rows[0]!.bars[0]!.kind).toBe('failed');
		expect(layout.ticks[0]).toEqual({ x: layoutDefaults.labelWidth, label: '0 ms' });
	});
});

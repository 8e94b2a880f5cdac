import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { until } from './until';

describe('until', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('resolves true as soon as the condition holds', async () => {
		let arrived = false;
		setTimeout(() => (arrived = true), 35);
		const waiting = until(() => arrived, 1000);
		await vi.advanceTimersByTimeAsync(40);
		await expect(waiting).resolves.toBe(true);
	});

	it('gives up with false after the timeout, so a run that missed an event still ends', async () => {
		const waiting = until(() => false, 100);
		await vi.advanceTimersByTimeAsync(110);
		await expect(waiting).resolves.toBe(false);
	});

	it('does not wait at all when the condition already holds', async () => {
		await expect(until(() => true, 0)).resolves.toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { importAll, LazyModule } from './lazy-module';

describe('importAll', () => {
	it('gives every export of every module as one object', async () => {
		const load = importAll(() => [Promise.resolve({ a: 1 }), Promise.resolve({ b: 'two' })]);
		const code = await load();
		expect(code).toEqual({ a: 1, b: 'two' });
		expect(code.a + code.b.length).toBe(4);
	});
});

describe('LazyModule', () => {
	it('loads once, however often it is asked, and hands the same code back', async () => {
		let loads = 0;
		const lazy = new LazyModule(() => {
			loads++;
			return Promise.resolve({ n: loads });
		});
		const [first, second] = await Promise.all([lazy.load(), lazy.load()]);
		expect(await lazy.load()).toBe(first);
		expect(second).toBe(first);
		expect(loads).toBe(1);
	});

	it('passes a failed load on to whoever asked', async () => {
		const lazy = new LazyModule(() => Promise.reject(new Error('offline')));
		await expect(lazy.load()).rejects.toThrow('offline');
	});
});

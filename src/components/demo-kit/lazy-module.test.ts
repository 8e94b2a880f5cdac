import { describe, expect, it } from 'vitest';
import { importAll } from './lazy-module';

describe('importAll', () => {
	it('gives every export of every module as one object', async () => {
		const load = importAll(() => [Promise.resolve({ a: 1 }), Promise.resolve({ b: 'two' })]);
		const code = await load();
		expect(code).toEqual({ a: 1, b: 'two' });
		expect(code.a + code.b.length).toBe(4);
	});
});

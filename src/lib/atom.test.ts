import { describe, expect, it } from 'vitest';
import { Atom } from './atom';

describe('Atom', () => {
	it('gives subscribers the current value, then every change, until they unsubscribe', () => {
		const atom = new Atom(1);
		const seen: number[] = [];
		const stop = atom.subscribe((v) => seen.push(v));
		atom.set(2);
		atom.set(2); // no change, no call
		stop();
		atom.set(3);
		expect(seen).toEqual([1, 2]);
		expect(atom.get()).toBe(3);
	});
});

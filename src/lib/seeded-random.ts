/**
 * A small seeded pseudo-random generator, so a modelled run (jitter, cold starts) can be
 * replayed exactly: the same seed gives the same sequence on every browser and in tests.
 *
 * Algorithm: mulberry32 (Tommy Ettinger, public domain), a 32-bit state generator that is
 * fast, tiny and good enough for simulation noise. It is not for anything security-related.
 */

/** Returns a generator of numbers in [0, 1) determined entirely by `seed`. */
export function mulberry32(seed: number): () => number {
	// Any number is accepted; it is reduced to 32 bits, so 2 ** 32 + 1 behaves like 1.
	let state = Math.trunc(seed) >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playgroundHash } from '../../scripts/playground-hash.mjs';
import session from './session.json';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('the recorded runs', () => {
	it('were recorded against the playground’s current migrations and hooks', () => {
		expect(
			session.playground,
			'A recording is stale: the playground changed since it was recorded. Run npm run record.'
		).toBe(playgroundHash());
	});

	it('each have the recording the session lists, and no other is kept', () => {
		const kept = readdirSync(here)
			.filter((file) => file.endsWith('.exchanges.json'))
			.map((file) => file.replace('.exchanges.json', ''))
			.sort();
		expect(kept).toEqual(Object.keys(session.demos).sort());
	});

	it('keep stream events only beside a recorded demo’s requests', () => {
		const streams = readdirSync(here)
			.filter((file) => file.endsWith('.streams.json'))
			.map((file) => file.replace('.streams.json', ''));
		expect(streams.filter((demo) => !(demo in session.demos))).toEqual([]);
	});
});

/**
 * Every demo keeps its settings in the URL under a prefix of its own, exported as `urlPrefix`
 * from its view module (src/components/<demo>/<demo>-view.ts). Two demos on one page must never
 * read each other's parameters, so a new demo that picks a taken prefix fails here.
 */
import { describe, expect, it } from 'vitest';

const views = import.meta.glob<{ urlPrefix?: unknown }>('../*/*-view.ts', { eager: true });
/** Parameters the site itself uses: the PocketBase override. */
const reserved = ['pb'];

const prefixes = Object.entries(views).map(([file, module]) => ({
	demo: file.split('/')[1]!,
	prefix: module.urlPrefix,
}));

describe('demo URL prefixes', () => {
	it('are declared by every demo', () => {
		expect(prefixes.map((p) => p.demo).sort()).toEqual([
			'hook-routes',
			'latency-explorer',
			'latency-race',
			'realtime-streams',
			'rules-matrix',
			'static-snapshot',
			'whoami',
		]);
		for (const { demo, prefix } of prefixes) {
			expect(prefix, demo).toMatch(/^[a-z][a-z0-9]*-$/);
		}
	});

	it('never overlap, so no demo reads another one’s parameters', () => {
		for (const a of prefixes) {
			for (const b of prefixes) {
				if (a !== b)
					expect(String(b.prefix).startsWith(String(a.prefix)), `${a.demo} / ${b.demo}`).toBe(
						false
					);
			}
			for (const name of reserved) expect(name.startsWith(String(a.prefix)), a.demo).toBe(false);
		}
	});
});

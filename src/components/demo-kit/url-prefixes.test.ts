/**
 * Every demo keeps its settings in the URL under a prefix of its own, exported as `urlPrefix`
 * from its view module (src/components/<demo>/<demo>-view.ts). Two demos on one page must never
 * read each other's parameters, so a new demo that picks a taken prefix fails here. A second copy
 * of a demo on a page gets a prefix of its own from `demoUrlPrefix()`; those must stay apart from
 * every demo's prefix too, or one copy would read (and report as mistakes) another's parameters.
 */
import { describe, expect, it } from 'vitest';
import twoCopiesPage from '../../e2e/two-copies.astro?raw';
import { demoUrlPrefix } from './demo-props';

const views = import.meta.glob<{ urlPrefix?: unknown }>('../*/*-view.ts', { eager: true });
/** Folders with a custom element that are not demos: the kit itself and the diagram player. */
const notDemos = ['demo-kit', 'sequence-diagram'];
const demoFolders = Object.keys(import.meta.glob('../*/*-element.ts'))
	// The kit's own files come back as './…'; only '../<folder>/…' names another folder.
	.filter((file) => file.startsWith('../'))
	.map((file) => file.split('/')[1]!)
	.filter((folder) => !notDemos.includes(folder))
	.sort();
/** Parameters the site itself uses: the PocketBase override. */
const reserved = ['pb'];

const prefixes = Object.entries(views)
	.map(([file, module]) => ({ demo: file.split('/')[1]!, prefix: module.urlPrefix }))
	.filter(({ demo }) => !notDemos.includes(demo));

describe('demo URL prefixes', () => {
	it('are declared by every demo', () => {
		// Every folder with a custom element is a demo, except the kit's own parts.
		expect(prefixes.map((p) => p.demo).sort()).toEqual(demoFolders);
		for (const { demo, prefix } of prefixes) {
			expect(prefix, demo).toMatch(/^[a-z][a-z0-9]*-$/);
		}
	});

	it('never overlap with a second copy’s, of the same demo or another', () => {
		// Copy ids that look like prefixes, or like one another, are the likeliest to collide.
		const ids = ['b', 'b-2', 'race', 'race-b', 'pb', 'x_1'];
		const copies = prefixes.flatMap(({ demo, prefix }) =>
			ids.map((id) => ({ name: `${demo} #${id}`, prefix: demoUrlPrefix(String(prefix), id, '') }))
		);
		const all = [...prefixes.map(({ demo, prefix }) => ({ name: demo, prefix })), ...copies];
		for (const copy of copies) {
			for (const other of all) {
				if (other === copy) continue;
				const [a, b] = [String(copy.prefix), String(other.prefix)];
				expect(a.startsWith(b) || b.startsWith(a), `${copy.name} / ${other.name}`).toBe(false);
			}
			for (const name of reserved) expect(name.startsWith(String(copy.prefix))).toBe(false);
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

describe('the e2e page of two copies of every demo (src/e2e/two-copies.astro)', () => {
	it('places every demo twice, the second copy under an id of its own', () => {
		for (const demo of demoFolders) {
			const name = new RegExp(`import (\\w+) from '~/components/${demo}/${demo}\\.astro'`).exec(
				twoCopiesPage
			)?.[1];
			expect(name, demo).toBeDefined();
			expect(twoCopiesPage, demo).toContain(`<${name} />`);
			expect(twoCopiesPage, demo).toMatch(new RegExp(`<${name} id="[\\w-]+" />`));
		}
	});
});

/**
 * /check/rules/ gives each rule a section with code the rule flags and code it leaves alone. The
 * plugin checks both here, with its recommended config in Node, so the page never claims a finding
 * the rule does not make; and every rule in the plugin has its section, at the anchor its docs give.
 */
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../packages/eslint-plugin-pocketbase-ssr/src/index.js';
import { ruleDocs } from '../../../packages/eslint-plugin-pocketbase-ssr/src/docs.js';

const page = readFileSync(new URL('../../content/docs/check/rules.mdx', import.meta.url), 'utf8');

/** The page's `## rule` sections: the heading's text and what follows it, up to the next one. */
const sections = new Map(
	page
		.split(/^## /m)
		.slice(1)
		.map((text): [string, string] => {
			const [heading, ...rest] = text.split('\n');
			return [heading!, rest.join('\n')];
		})
);

/** The code blocks under a `### heading` of a section, each with its `title` (the file's path). */
function blocksUnder(section: string, heading: string): { name: string; code: string }[] {
	const part = section.split(/^### /m).find((text) => text.startsWith(`${heading}\n`)) ?? '';
	return [...part.matchAll(/^```ts title="([^"]+)"\n([\s\S]*?)^```$/gm)].map(([, name, code]) => ({
		name: name!,
		code: code!,
	}));
}

function findings(name: string, code: string): string[] {
	const linter = new Linter({ configType: 'flat' });
	return linter
		.verify(code, plugin.configs.recommended, { filename: name })
		.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('the rules page', () => {
	it('has a section for every rule of the plugin, at the anchor its docs give', () => {
		expect([...sections.keys()].sort()).toEqual(Object.keys(ruleDocs).sort());
		for (const [name, doc] of Object.entries(ruleDocs)) {
			// A heading's id is its text slugged (github-slugger, as Astro does it), which leaves
			// lowercase words joined by hyphens as they are: `## no-shared-client` is
			// `#no-shared-client`.
			expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
			expect(doc.url).toBe(`/check/rules/#${name}`);
		}
	});

	for (const [rule, section] of sections) {
		it(`${rule}: the flagged code is flagged by this rule only`, () => {
			const blocks = blocksUnder(section, 'Flagged');
			expect(blocks).not.toEqual([]);
			for (const { name, code } of blocks) {
				const found = findings(name, code);
				expect(found.length, name).toBeGreaterThan(0);
				expect(new Set(found), name).toEqual(new Set([`pocketbase-ssr/${rule}`]));
			}
		});

		it(`${rule}: the code that is not flagged gives no finding`, () => {
			const blocks = blocksUnder(section, 'Not flagged');
			expect(blocks).not.toEqual([]);
			for (const { name, code } of blocks) expect(findings(name, code), name).toEqual([]);
		});

		it(`${rule}: says why, with the guide's proof, and how to fix it`, () => {
			expect(section).toContain(`<RuleWhy rule="${rule}" />`);
			expect(section).toMatch(/^### How to fix\n\n\S/m);
		});
	}
});

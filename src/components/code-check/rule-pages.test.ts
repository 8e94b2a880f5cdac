/**
 * Each rule's page under /check/rules/ shows code the rule flags and code it leaves alone. The
 * plugin checks both here, with its recommended config in Node, so a page never claims a finding
 * the rule does not make, and every rule in the plugin has its page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../packages/eslint-plugin-pocketbase-ssr/src/index.js';
import { ruleDocs } from '../../../packages/eslint-plugin-pocketbase-ssr/src/docs.js';

const folder = new URL('../../content/docs/check/rules/', import.meta.url);
const pages = readdirSync(folder).filter((file) => file.endsWith('.mdx'));

/** The code blocks under a `## heading` of a page, each with its `title` (the file's path). */
function blocksUnder(page: string, heading: string): { name: string; code: string }[] {
	const sections = page.split(/^## /m);
	const section = sections.find((text) => text.startsWith(`${heading}\n`)) ?? '';
	return [...section.matchAll(/^```ts title="([^"]+)"\n([\s\S]*?)^```$/gm)].map(
		([, name, code]) => ({
			name: name!,
			code: code!,
		})
	);
}

function findings(name: string, code: string): string[] {
	const linter = new Linter({ configType: 'flat' });
	return linter
		.verify(code, plugin.configs.recommended, { filename: name })
		.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('the rule pages', () => {
	it('cover every rule of the plugin, at the address its docs give', () => {
		expect(pages.map((file) => file.replace(/\.mdx$/, '')).sort()).toEqual(
			Object.keys(ruleDocs).sort()
		);
		for (const [name, doc] of Object.entries(ruleDocs)) {
			expect(doc.url).toBe(`/check/rules/${name}/`);
		}
	});

	for (const file of pages) {
		const rule = file.replace(/\.mdx$/, '');
		const page = readFileSync(new URL(file, folder), 'utf8');

		it(`${rule}: the flagged code is flagged by this rule only`, () => {
			const blocks = blocksUnder(page, 'Flagged');
			expect(blocks).not.toEqual([]);
			for (const { name, code } of blocks) {
				const found = findings(name, code);
				expect(found.length, name).toBeGreaterThan(0);
				expect(new Set(found), name).toEqual(new Set([`pocketbase-ssr/${rule}`]));
			}
		});

		it(`${rule}: the code that is not flagged gives no finding`, () => {
			const blocks = blocksUnder(page, 'Not flagged');
			expect(blocks).not.toEqual([]);
			for (const { name, code } of blocks) expect(findings(name, code), name).toEqual([]);
		});
	}
});

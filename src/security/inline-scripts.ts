/**
 * Hashes of the inline scripts Starlight writes into every page (the theme script that runs
 * before first paint, the search shortcut, the sidebar and tab restorers). Astro's CSP hashes
 * the scripts it bundles, but not `<script is:inline>` (they reach the page verbatim), so the
 * policy would block them. They are read from Starlight's own components at build time, so an
 * upgrade that changes one changes its hash too; tests/csp.spec.ts catches anything missed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Sha256Source = `sha256-${string}`;

/** The bodies of the `<script is:inline>` elements in an Astro component's source. */
export function inlineScriptBodies(astroSource: string): string[] {
	return [...astroSource.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map(
		(match) => match[1] ?? ''
	);
}

/** A CSP hash source for a script's exact text, as the browser computes it. */
export function sha256Source(text: string): Sha256Source {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function* astroFiles(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* astroFiles(path);
		else if (entry.name.endsWith('.astro')) yield path;
	}
}

/** Every inline script hash in the installed Starlight's components, sorted and unique. */
export function starlightInlineScriptHashes(): Sha256Source[] {
	const require = createRequire(import.meta.url);
	// Starlight exports its components folder, not its package root.
	const components = dirname(require.resolve('@astrojs/starlight/components/ThemeProvider.astro'));
	const hashes = new Set<Sha256Source>();
	for (const file of astroFiles(dirname(components))) {
		for (const body of inlineScriptBodies(readFileSync(file, 'utf8'))) {
			hashes.add(sha256Source(body));
		}
	}
	return [...hashes].sort();
}

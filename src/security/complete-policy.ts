/**
 * Two repairs to the policy Astro writes into each built page, made after the build:
 *
 * - The `<meta http-equiv="content-security-policy">` moves up to follow `<meta charset>`. A
 *   policy in a meta tag governs only what comes after it, and Astro places it at the end of
 *   Starlight's <head>, after the theme script and the first stylesheets.
 * - `style-src` gets the hash of every inline `<style>` in the page that it lacks. Astro
 *   7.3.5 hashes the styles it inlines for a page's own components but not those of components
 *   an MDX page places (the demos), so the browser would refuse those.
 *
 * Every inline `<style>` here came out of the build, so allowing each by its exact text admits
 * nothing a reader or a server response could inject.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sha256Source } from './inline-scripts.ts';

const metaPattern = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;
const charsetPattern = /<meta charset="[^"]*"\s*\/?>/i;
// Raw text elements: the browser hashes exactly the characters between the tags.
const stylePattern = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi;

/** The built page with its policy first in <head> and every inline style's hash in style-src. */
export function completePolicy(html: string): string {
	const meta = metaPattern.exec(html);
	if (!meta) return html;
	const directives = (meta[1] ?? '').split(';').map((directive) => directive.trim());
	const styleIndex = directives.findIndex((directive) => directive.split(/\s+/)[0] === 'style-src');
	if (styleIndex !== -1) {
		const sources = new Set(directives[styleIndex]!.split(/\s+/).slice(1));
		for (const style of html.matchAll(stylePattern)) {
			sources.add(`'${sha256Source(style[1] ?? '')}'`);
		}
		directives[styleIndex] = ['style-src', ...sources].join(' ');
	}
	const policy = directives.filter(Boolean).join('; ');
	const withoutMeta = html.replace(meta[0], '');
	const tag = `<meta http-equiv="content-security-policy" content="${policy}">`;
	const charset = charsetPattern.exec(withoutMeta);
	if (!charset) return withoutMeta.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${tag}`);
	return withoutMeta.replace(charset[0], `${charset[0]}${tag}`);
}

function* htmlFiles(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* htmlFiles(path);
		else if (entry.name.endsWith('.html')) yield path;
	}
}

/** Applies completePolicy() to every page in the build output. */
export function completeContentSecurityPolicy(): AstroIntegration {
	return {
		name: 'complete-content-security-policy',
		hooks: {
			'astro:build:done': ({ dir }) => {
				for (const file of htmlFiles(fileURLToPath(dir))) {
					const html = readFileSync(file, 'utf8');
					const completed = completePolicy(html);
					if (completed !== html) writeFileSync(file, completed);
				}
			},
		},
	};
}

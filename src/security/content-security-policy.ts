/**
 * The site's Content-Security-Policy, as Astro's `security.csp` config. Astro adds the hashes of
 * every script and style it bundles or inlines and writes the policy into each page's
 * `<meta http-equiv="content-security-policy">` at build time (not in `astro dev`). What a meta
 * tag cannot carry (frame-ancestors and the other response headers) is in public/_headers.
 */
import type { AstroUserConfig } from 'astro';
import type { Sha256Source } from './inline-scripts.ts';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * Loopback origins a reader's own PocketBase can answer on: `npm run playground` listens there,
 * and browsers count loopback as potentially trustworthy, so an https page calling it is not
 * blocked as mixed content (see src/lib/pocketbase-url.ts's isMixedContent). CSP source
 * expressions have no address ranges and no IPv6 literals, so the rest of 127.0.0.0/8 and [::1]
 * cannot be listed.
 */
export const loopbackSources = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

/**
 * Where the page may connect: itself (Pagefind's index), the PocketBase the site was built for,
 * and any PocketBase a reader names with `?pb=` or the settings panel. That last one is unknown
 * at build time, so the policy allows every https origin plus the loopback origins. Plain http
 * to any other host is left out: an https page could not reach it anyway (mixed content). The
 * cost is plain: `connect-src` does not stop a script that runs on the page from sending data to
 * an https host of its choosing. The defence against that is `script-src`, which lets no script
 * run that the build did not ship.
 */
export function connectSources(pocketBaseUrl: string): string[] {
	const configured = new URL(pocketBaseUrl).origin;
	const sources = ["'self'", 'https:', ...loopbackSources];
	const covered =
		configured.startsWith('https:') ||
		['127.0.0.1', 'localhost'].includes(new URL(configured).hostname);
	return covered ? sources : [...sources, configured];
}

export function contentSecurityPolicy(options: {
	pocketBaseUrl: string;
	inlineScriptHashes: readonly Sha256Source[];
}): CspConfig {
	return {
		algorithm: 'SHA-256',
		directives: [
			"default-src 'self'",
			`connect-src ${connectSources(options.pocketBaseUrl).join(' ')}`,
			// data: for the small SVG icons that Starlight's and Expressive Code's CSS embed.
			"img-src 'self' data:",
			"font-src 'self'",
			"object-src 'none'",
			"base-uri 'none'",
			"form-action 'self'",
		],
		scriptDirective: {
			// 'wasm-unsafe-eval' lets Pagefind's search compile its WebAssembly; it allows no JS eval.
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: [...options.inlineScriptHashes],
		},
		styleDirective: {
			// Inline style attributes only (style-src-attr): Expressive Code colours every token
			// with one, and diagrams and demos set sizes that way. An attribute cannot run script;
			// <style> elements still need a hash.
			resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}

// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { repositoryUrl, siteUrl } from './site.config.mjs';
import { playgroundUrl } from './src/lib/pocketbase-url.ts';
import { completeContentSecurityPolicy } from './src/security/complete-policy.ts';
import { contentSecurityPolicy } from './src/security/content-security-policy.ts';
import { crossOriginIsolationHeaders } from './src/security/cross-origin-isolation.ts';
import { starlightInlineScriptHashes } from './src/security/inline-scripts.ts';
import { tableRegions } from './src/markdown/table-regions.ts';
import { e2ePages } from './src/e2e/e2e-pages.ts';
import { eslintBrowserBundle } from './src/components/code-check/eslint-browser-bundle.ts';

export default defineConfig({
	site: siteUrl,
	trailingSlash: 'always',
	// `astro dev` and `astro preview` (the e2e tests, the bench) send these on every response; a
	// static host gets them from public/_headers.
	server: { headers: crossOriginIsolationHeaders },
	// Build-time only: `astro dev` serves pages without the policy (Vite injects its own scripts).
	security: {
		csp: contentSecurityPolicy({
			pocketBaseUrl: process.env['PUBLIC_POCKETBASE_URL'] ?? playgroundUrl,
			inlineScriptHashes: starlightInlineScriptHashes(),
		}),
	},
	// Expressive Code (Starlight's) highlights every code block; Astro's own Shiki pass is unused,
	// and left on it makes Astro warn that Shiki's inline styles conflict with the policy.
	markdown: { syntaxHighlight: false },
	vite: {
		// Pre-bundle the SDK when the dev server starts; discovering it on a demo's first click
		// would make Vite re-optimise and fail that first import.
		optimizeDeps: { include: ['pocketbase'] },
		// /check/ runs ESLint in the browser, bundled with two repairs.
		plugins: [eslintBrowserBundle()],
	},
	integrations: [
		starlight({
			title: 'PocketBase: server or browser?',
			description:
				'Should your SvelteKit or Next.js server call PocketBase, or should the browser? An interactive guide with live demos against a real PocketBase.',
			logo: { src: './src/assets/logo.svg', alt: '' },
			favicon: '/favicon.svg',
			social: [{ icon: 'github', label: 'Source', href: repositoryUrl }],
			editLink: { baseUrl: `${repositoryUrl}/edit/main/` },
			lastUpdated: true,
			customCss: ['./src/styles/custom.css'],
			// The footer's meta row also names the versions this build was verified against.
			components: { LastUpdated: './src/components/verified-against/last-updated.astro' },
			expressiveCode: {
				// Long lines wrap instead of scrolling sideways, each wrapped part two columns further
				// in than its line. A scrolling block is keyboard-reachable only through Expressive
				// Code's script, which gives it tabindex="0" once a ResizeObserver sees it overflow;
				// the off-screen blocks that custom.css lets the browser skip (`content-visibility`)
				// are never observed, so on phones they stayed mouse- and touch-only (axe
				// scrollable-region-focusable).
				defaultProps: { wrap: true, hangingIndent: 2 },
			},
			routeMiddleware: './src/route-data.ts',
			sidebar: [
				{ label: 'Overview', link: '/' },
				{ label: 'Decide for your app', link: '/decide/' },
				{ label: 'Check your code', link: '/check/' },
				{ label: 'What each rule finds', link: '/check/rules/' },
				{ label: 'Your own request', link: '/your-request/' },
				{ label: 'The problem', items: [{ autogenerate: { directory: 'problem' } }] },
				{ label: 'Better approaches', items: [{ autogenerate: { directory: 'approaches' } }] },
				{
					label: 'When a server makes sense',
					items: [{ autogenerate: { directory: 'server-side' } }],
				},
				{ label: 'Reference', items: [{ autogenerate: { directory: 'reference' } }] },
			],
			plugins: [starlightLinksValidator({ errorOnFallbackPages: false })],
		}),
		// After starlight(): wraps Markdown tables in focusable, named scroll regions.
		tableRegions(),
		// Pages only the e2e tests open, in an e2e build only (E2E_PB_PORT is its PocketBase's port).
		e2ePages(Boolean(process.env['E2E_PB_PORT'])),
		// After the build: the policy first in each page's <head>, with every inline style's hash.
		completeContentSecurityPolicy(),
	],
});

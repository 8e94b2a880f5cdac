/// <reference path="../pb_data/types.d.ts" />
// The built-in rate limiter, on (PocketBase ships it off). The numbers are PocketBase's own
// defaults except where a demo needs a smaller, visible limit; see playground/README.md for
// why each one is what it is.
//
// trustedProxy: the site's simulated server-side proxy marks its requests with
// X-Simulated-Server-IP so that PocketBase sees the server's address instead of the reader's.
// pb_hooks/simulated-server-ip.pb.js lets the header through only once and only as the marker
// `mine`, which it rewrites into the one server address derived from the caller's own, so a
// caller can use it to join its own "server" bucket but never to pick an address. No other header is trusted: PocketBase believes a listed header
// from any caller, and locally every caller reaches PocketBase directly. A public deployment
// behind a reverse proxy that overwrites a client-IP header names that header in
// PLAYGROUND_CLIENT_IP_HEADER when it first starts (see playground/README.md).
migrate(
	(app) => {
		const settings = app.settings();
		settings.meta.appName = 'PocketBase playground';
		settings.rateLimits.enabled = true;
		settings.rateLimits.rules = [
			{ label: '*:auth', audience: '', duration: 3, maxRequests: 2 },
			{ label: '*:create', audience: '', duration: 5, maxRequests: 20 },
			{ label: '/api/batch', audience: '', duration: 1, maxRequests: 3 },
			{ label: '/api/demo/whoami', audience: '', duration: 10, maxRequests: 10 },
			{ label: '/api/', audience: '', duration: 10, maxRequests: 300 },
		];
		const proxyHeader = $os.getenv('PLAYGROUND_CLIENT_IP_HEADER').trim();
		settings.trustedProxy.headers = proxyHeader
			? ['X-Simulated-Server-IP', proxyHeader]
			: ['X-Simulated-Server-IP'];
		settings.trustedProxy.useLeftmostIP = false;
		app.save(settings);
	},
	(app) => {
		// Back to PocketBase's own defaults (core/settings_model.go, newDefaultSettings).
		const settings = app.settings();
		settings.meta.appName = 'Acme';
		settings.rateLimits.enabled = false;
		settings.rateLimits.rules = [
			{ label: '*:auth', audience: '', duration: 3, maxRequests: 2 },
			{ label: '*:create', audience: '', duration: 5, maxRequests: 20 },
			{ label: '/api/batch', audience: '', duration: 1, maxRequests: 3 },
			{ label: '/api/', audience: '', duration: 10, maxRequests: 300 },
		];
		settings.trustedProxy.headers = [];
		settings.trustedProxy.useLeftmostIP = false;
		app.save(settings);
	}
);

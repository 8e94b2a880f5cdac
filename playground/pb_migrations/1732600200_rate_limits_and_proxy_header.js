/// <reference path="../pb_data/types.d.ts" />
// The built-in rate limiter, on (PocketBase ships it off). The numbers are PocketBase's own
// defaults except where a demo needs a smaller, visible limit; see playground/README.md for
// why each one is what it is.
//
// trustedProxy: the site's simulated server-side proxy marks its requests with
// X-Simulated-Server-IP so that PocketBase sees the server's address instead of the reader's.
// pb_hooks/simulated-server-ip.pb.js accepts only the one documented value, so a caller can
// use the header to join the shared "server" bucket but never to pick an address of its own.
// X-Forwarded-For follows for a public deployment behind a reverse proxy that sets it.
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
		settings.trustedProxy.headers = ['X-Simulated-Server-IP', 'X-Forwarded-For'];
		settings.trustedProxy.useLeftmostIP = false;
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.enabled = false;
		settings.trustedProxy.headers = [];
		app.save(settings);
	}
);

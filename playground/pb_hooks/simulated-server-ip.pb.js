/// <reference path="../pb_data/types.d.ts" />
// The site's simulated server-side proxy sends `X-Simulated-Server-IP: mine` so PocketBase
// sees "the server" instead of the reader (the header is listed in trustedProxy.headers).
// Trusting a client-set header is exactly the spoofing risk the guide warns about, so the
// client never names an address: it may send only the marker `mine`, and this middleware
// rewrites the header into the one server address that belongs to the caller's own network (its
// address, or its IPv6 /64), before the rate limiter (priority -1000) reads e.realIP(). Each
// visitor thus has exactly one server bucket of its own, which every user it simulates shares
// and no other visitor can reach. It runs after the request log (-1040).
//
// Why all values, not header.get(): get() returns the first occurrence, but PocketBase's
// RealIP() keys the limiter on the last occurrence of a trusted header (and on one entry of a
// comma-separated list). Go merges every spelling of the name (x-simulated-server-ip, ...)
// into one canonical key, so values() sees repeats in any letter case. Anything but exactly
// one occurrence holding exactly the marker is refused.
//
// The same middleware also sends Timing-Allow-Origin, which lets the site's pages see the
// detailed timing of their own requests to this PocketBase (Resource Timing hides it from other
// origins unless the response allows it). The demos time the direct and the proxied call from
// "request sent" to "last byte", which leaves out a CORS preflight that only the demos'
// per-request markers cause. The header reveals no data, only timings the caller's own browser
// already measured. It lives here, not in a file of its own, because every global JS middleware
// holds one more JS runtime for each open realtime stream (see request-bounds.pb.js).
routerUse(
	new Middleware((e) => {
		e.response.header().set('Timing-Allow-Origin', '*');
		const name = 'X-Simulated-Server-IP';
		const marker = 'mine';
		const values = e.request.header.values(name);
		if (values.length > 0 && (values.length !== 1 || values[0] !== marker)) {
			// Dropped first, so the request log records the caller's own address, not the one the
			// caller wrote (the log reads e.realIP() after the refusal).
			e.request.header.del(name);
			throw new BadRequestError(
				name + ' may only be sent once, as "' + marker + '" (the demo server for your address).'
			);
		}
		// With no header, or the marker (no IP, so realIP() passes it over), this is the caller's
		// own address: the TCP peer or, behind a proxy, the client header that proxy overwrites.
		const visitor = e.realIP();
		// Kept on this JS runtime's global object after the first request (request-checks.js: why).
		const checks =
			globalThis.playgroundRequestChecks ||
			(globalThis.playgroundRequestChecks = require(`${__hooks}/request-checks.js`));
		// For the quotas in request-bounds.pb.js and demo-users-cap.pb.js, which count networks
		// (an IPv4 address, an IPv6 /64): requests through the simulated server count against the
		// visitor's own network.
		const network = checks.ipNetwork.networkOf(visitor);
		e.set('playground.network', network);
		// Derived for every request, marked or not, though only a marked one uses it: the race
		// compares a direct and a proxied request that must cost PocketBase the same work, or the
		// hook's own time is charged to the proxy (it skewed the race's A/A test by about 1 %).
		const server = checks.serverAddress.serverFor(network);
		if (values.length === 0) return e.next();
		e.request.header.set(name, server);
		// The limiter reads the header when it runs; check it now counts the server address.
		if (e.realIP() !== server)
			throw new ApiError(500, 'The demo server address was not applied.', null);
		return e.next();
	}, -1035)
);

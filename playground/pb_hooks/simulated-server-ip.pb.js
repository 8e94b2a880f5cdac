/// <reference path="../pb_data/types.d.ts" />
// The site's simulated server-side proxy sends X-Simulated-Server-IP so PocketBase sees "the
// server" instead of the reader (the header is listed in trustedProxy.headers). Trusting a
// client-set header is exactly the spoofing risk the guide warns about, so this middleware
// only lets one value through: the documentation address below (RFC 5737 TEST-NET-3). A
// caller can use the header to move itself into the one shared server bucket, never to pick
// a fresh address and escape the rate limiter. It runs before the rate limiter (priority
// -1000) and after the request log (-1040).
routerUse(
	new Middleware((e) => {
		const allowed = '203.0.113.10';
		const value = e.request.header.get('X-Simulated-Server-IP');
		if (value && value !== allowed) {
			throw new BadRequestError(
				'X-Simulated-Server-IP may only be ' + allowed + ' (the demo server address).'
			);
		}
		return e.next();
	}, -1035)
);

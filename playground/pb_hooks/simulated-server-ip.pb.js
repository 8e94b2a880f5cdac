/// <reference path="../pb_data/types.d.ts" />
// The site's simulated server-side proxy sends X-Simulated-Server-IP so PocketBase sees "the
// server" instead of the reader (the header is listed in trustedProxy.headers). Trusting a
// client-set header is exactly the spoofing risk the guide warns about, so this middleware
// lets the header through only as one single value: the documentation address below (RFC 5737
// TEST-NET-3). A caller can use it to move itself into the one shared server bucket, never to
// pick an address of its own.
//
// Why all values, not header.get(): get() returns the first occurrence, but PocketBase's
// RealIP() keys the limiter on the last occurrence of a trusted header (and on one entry of a
// comma-separated list). Go merges every spelling of the name (x-simulated-server-ip, ...)
// into one canonical key, so values() sees repeats in any letter case. Anything but exactly
// one occurrence holding exactly the allowed address is refused, and as a last check the
// address the limiter will count must be that one. It runs before the rate limiter (priority
// -1000) and after the request log (-1040).
routerUse(
	new Middleware((e) => {
		const name = 'X-Simulated-Server-IP';
		const allowed = '203.0.113.10';
		const values = e.request.header.values(name);
		if (values.length === 0) return e.next();
		if (values.length !== 1 || values[0] !== allowed || e.realIP() !== allowed) {
			throw new BadRequestError(
				name + ' may only be sent once, as ' + allowed + ' (the demo server address).'
			);
		}
		return e.next();
	}, -1035)
);

/// <reference path="../pb_data/types.d.ts" />
// Lets the site's pages see the detailed timing of their own requests to this PocketBase
// (Resource Timing hides it from other origins unless the response allows it). The demos time
// the direct and the proxied call from "request sent" to "last byte", which leaves out a CORS
// preflight that only the demos' per-request markers cause: without this header both paths
// would be timed with their preflights, alike. The header reveals no data, only timings the
// caller's own browser already measured.
routerUse(
	new Middleware((e) => {
		e.response.header().set('Timing-Allow-Origin', '*');
		return e.next();
	}, -2000)
);

/// <reference path="../pb_data/types.d.ts" />
// GET /api/demo/whoami: what PocketBase sees of the caller. realIP is the address the rate
// limiter counts (trusted proxy headers first, then the TCP peer); remoteIP is the TCP peer.
routerAdd('GET', '/api/demo/whoami', (e) => {
	const auth = e.auth;
	return e.json(200, {
		realIP: e.realIP(),
		remoteIP: e.remoteIP(),
		simulatedServer: !!e.request.header.get('X-Simulated-Server-IP'),
		auth: auth
			? { id: auth.id, collectionName: auth.collection().name, email: auth.email() }
			: null,
		superuser: e.hasSuperuserAuth(),
		userAgent: e.request.header.get('User-Agent'),
		time: new Date().toISOString(),
	});
});

/// <reference path="../pb_data/types.d.ts" />
// Bounds on what one request may ask of the playground, each checked on the input as PocketBase
// will parse it (the modules beside this file say how):
// - no mail relay: every mail-sending route is refused (no-mail.pb.js says why);
// - the dashboard and superuser routes answer only the superuser addresses (superuser-routes.js);
// - bodies: known length, 64 KB, JSON, and none on GET, HEAD or DELETE (body-bounds.js);
// - no password changes, which cost bcrypt before any record hook runs (password-changes.js);
// - queries: 4 KB, few expand paths and sort terms, short filters, no back-relations or
//   @collection joins, bounded pages (query-bounds.js);
// - realtime streams: a quota per network inside a global cap with a reserve
//   (stream-quota.js, visitor-quota.js), the visitor's simulated server counted with it.
// The modules are gathered in request-checks.js, so each JS runtime loads them once.
//
// Superusers are not bounded beyond the first two: they already control everything, and the
// dashboard uses expands. It runs after the auth token loader (-1020) and the rate limiter
// (-1000), so refused requests still count against the limiter.
//
// All of it is one middleware on purpose: a JS middleware keeps its JS runtime busy until
// e.next() returns, which for a realtime stream is the stream's whole life. The playground has
// two global JS middlewares (this one after the limiter, and simulated-server-ip.pb.js before
// it), so each open stream holds two runtimes; the public launcher prewarms enough of them for
// the stream cap (scripts/serve-flags.mjs).
routerUse(
	new Middleware((e) => {
		// Kept on this JS runtime's global object after the first request (request-checks.js: why).
		const checks =
			globalThis.playgroundRequestChecks ||
			(globalThis.playgroundRequestChecks = require(`${__hooks}/request-checks.js`));
		const path = e.request.url.path;
		const method = e.request.method;

		// Refused for everyone, superusers included, before any lookup, so the answer never tells
		// whether an address has an account. Matched on the route the router chose (Go's
		// Request.Pattern), not on the path as written.
		const mailRoute =
			/\/api\/collections\/\{collection\}\/(request-email-change|request-verification|request-password-reset|request-otp)$/;
		if (method === 'POST' && mailRoute.test(e.request.pattern)) {
			throw new ForbiddenError(
				'The playground sends no mail: email change, verification, password reset and one-time codes are turned off.'
			);
		}

		// PocketBase itself would refuse a superuser sign-in from elsewhere only after checking the
		// password: a wrong one answers 400, the right one 403.
		const superuserIPs = $app.settings().superuserIPs;
		if (
			superuserIPs.length > 0 &&
			checks.superuserRoutes.isSuperuserRoute(e) &&
			!checks.ipNetwork.inList(e.realIP(), superuserIPs)
		) {
			throw new ForbiddenError(
				'The dashboard and superuser sign-in are open only to the host itself.'
			);
		}

		if (e.hasSuperuserAuth()) return e.next();
		checks.body.check(e);
		checks.passwordChanges.check(e);
		checks.query.check(e.request.url.query(), e.request.url.rawQuery);
		if (method === 'GET' && path === '/api/realtime') checks.streams.admit(e);
		return e.next();
	}, -998)
);

// A realtime subscription can carry query options (`notes/*?options={"query":{…}}`) that
// PocketBase applies to every event it sends on the stream: a filter it runs with no query
// timeout, and expands. It parses them from the topic as a URL (url.Parse, then the `options`
// parameter as JSON), so JSON escapes and URL encoding both reach it decoded. The demos subscribe
// with no options, so the playground refuses any topic with a query part at all: no encoding can
// carry options past that. PocketBase itself allows 1000 topics of 2500 characters per stream,
// 2.5 MB held for as long as the stream is open; the playground allows 20 of at most 200.
onRealtimeSubscribeRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	const maxTopics = 20;
	const maxTopicLength = 200;
	if (e.subscriptions.length > maxTopics) {
		throw new BadRequestError(
			'A realtime stream may have at most ' + maxTopics + ' subscriptions.'
		);
	}
	for (const topic of e.subscriptions) {
		if (topic.length > maxTopicLength) {
			throw new BadRequestError(
				'A subscription topic may be at most ' + maxTopicLength + ' characters.'
			);
		}
		if (topic.indexOf('?') !== -1) {
			throw new BadRequestError(
				'Subscription options (a filter, expand, fields or headers after "?") are turned off on the playground: subscribe to the topic and filter its events in the page.'
			);
		}
	}
	return e.next();
});

/// <reference path="../pb_data/types.d.ts" />
// Bounds on what one request may ask of the playground. The demos send small JSON bodies, never
// a file, and list records without expands or joins; a stranger could otherwise send bodies of
// 32 MB (parsed before any rule runs: PocketBase's own body limit does not cover the record
// routes), or ask one list request to walk back-relations (`notes_via_owner`) until it holds
// gigabytes. Each refusal says what is accepted.
//
// Superusers are not bounded: they already control everything, and the dashboard uses expands.
// It runs after the auth token loader (-1020) and the rate limiter (-1000), so refused requests
// still count against the limiter.
//
// All of it is one middleware on purpose, the mail refusal included: a JS middleware keeps its
// JS runtime busy until e.next() returns, which for a realtime stream is the stream's whole
// life. The playground has two global JS middlewares (this one after the limiter, and
// simulated-server-ip.pb.js before it), so each open stream holds two runtimes; the public
// launcher prewarms enough of them for the stream cap below (scripts/serve-flags.mjs).
routerUse(
	new Middleware((e) => {
		const path = e.request.url.path;
		const method = e.request.method;

		// No mail relay (no-mail.pb.js says why): refused for everyone, superusers included,
		// before any lookup, so the answer never tells whether an address has an account.
		const mailRoute =
			/^\/api\/collections\/[^/]+\/(request-email-change|request-verification|request-password-reset|request-otp)$/;
		if (method === 'POST' && mailRoute.test(path)) {
			throw new ForbiddenError(
				'The playground sends no mail: email change, verification, password reset and one-time codes are turned off.'
			);
		}

		// The dashboard and every superuser route (sign-in included, before any password is
		// checked) answer only the addresses in superuserIPs (loopback, set by the migration
		// 1732600600_no_logs_local_superusers.js); PocketBase itself would refuse a sign-in
		// from elsewhere only after checking the password.
		const superuserIPs = $app.settings().superuserIPs;
		if (superuserIPs.length > 0) {
			const superusers = $app.findCachedCollectionByNameOrId('_superusers');
			const superuserRoute =
				path === '/_' ||
				path.indexOf('/_/') === 0 ||
				path.indexOf('/api/collections/_superusers/') === 0 ||
				path.indexOf('/api/collections/' + superusers.id + '/') === 0;
			if (superuserRoute) {
				const ip = e.realIP();
				const inList = (entry) => {
					if (entry === ip) return true;
					// An IPv4 subnet such as 10.0.0.0/24 (the setting accepts subnets too).
					const cidr = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(entry);
					const address = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
					if (!cidr || !address) return false;
					const bits = Number(cidr[5]);
					const toNumber = (m) =>
						((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>>
						0;
					const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
					return (toNumber(cidr) & mask) >>> 0 === (toNumber(address) & mask) >>> 0;
				};
				if (!superuserIPs.some(inList)) {
					throw new ForbiddenError(
						'The dashboard and superuser sign-in are open only to the host itself.'
					);
				}
			}
		}

		if (e.hasSuperuserAuth()) return e.next();
		const maxBodyBytes = 64 * 1024;
		const maxFilterLength = 500;
		const maxPerPage = 1000;
		const maxStreamsPerAddress = 10;
		const maxStreams = 500;

		// Realtime streams: at most 10 open at once per client address (the realtime demo holds
		// 5: the reader's and 4 simulated users'), and 500 in all. Each open stream costs about
		// 1 MB, most of it the JS runtimes its middlewares hold.
		if (method === 'GET' && path === '/api/realtime') {
			const broker = $app.subscriptionsBroker();
			if (broker.totalClients() >= maxStreams) {
				throw new ApiError(
					503,
					'The playground holds ' + maxStreams + ' realtime streams already; try again soon.',
					{}
				);
			}
			const ip = e.realIP();
			const clients = broker.clients();
			let open = 0;
			for (const id of Object.keys(clients)) {
				if (clients[id].get('pbRealtimeClientIP') === ip) open++;
			}
			if (open >= maxStreamsPerAddress) {
				throw new TooManyRequestsError(
					'At most ' +
						maxStreamsPerAddress +
						' realtime streams may be open from one address: close one first.',
					{}
				);
			}
		}

		const sendsBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
		const length = e.request.contentLength;
		// Go reports an unknown length (a chunked body) as -1; browsers always send a length.
		if (sendsBody && length < 0) {
			throw new ApiError(411, 'Send a Content-Length: bodies of unknown length are refused.', {});
		}
		if (length > maxBodyBytes) {
			throw new ApiError(413, 'Request bodies are limited to ' + maxBodyBytes + ' bytes.', {});
		}
		const type = (e.request.header.get('Content-Type') || '').toLowerCase();
		if (type.indexOf('multipart/form-data') === 0) {
			throw new ApiError(415, 'The playground accepts no file uploads: send JSON.', {});
		}

		// PocketBase reads the first value of each parameter (url.Values.Get), as these checks do.
		const query = e.request.url.query();
		for (const name of ['expand', 'filter', 'sort']) {
			const value = query.get(name);
			if (value.indexOf('_via_') !== -1 || value.indexOf('@collection') !== -1) {
				throw new BadRequestError(
					'Back-relations (_via_) and @collection joins are turned off in ' + name + '.'
				);
			}
		}
		if (query.get('filter').length > maxFilterLength) {
			throw new BadRequestError('A filter may be at most ' + maxFilterLength + ' characters.');
		}
		const perPage = query.get('perPage');
		if (perPage !== '' && (!/^\d{1,4}$/.test(perPage) || Number(perPage) > maxPerPage)) {
			throw new BadRequestError(
				'The perPage parameter is a whole number up to ' + maxPerPage + '.'
			);
		}
		return e.next();
	}, -998)
);

// A realtime subscription can carry the same query options (`notes?options={"query":{"expand":…}}`),
// applied to every event it receives, so its topics get the same check. The demos subscribe with
// no options, to at most 2 topics (PB_CONNECT and notes/*). PocketBase itself allows 1000 topics
// of 2500 characters per stream, 2.5 MB held for as long as the stream is open; the playground
// allows 20 of at most 1000 characters, 20 KB.
onRealtimeSubscribeRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	const maxTopics = 20;
	const maxTopicLength = 1000;
	if (e.subscriptions.length > maxTopics) {
		throw new BadRequestError(
			'A realtime stream may have at most ' + maxTopics + ' subscriptions.'
		);
	}
	for (const topic of e.subscriptions) {
		if (topic.length > maxTopicLength) {
			throw new BadRequestError(
				'A subscription topic, options included, may be at most ' + maxTopicLength + ' characters.'
			);
		}
	}
	for (const topic of e.subscriptions) {
		const at = topic.indexOf('?');
		if (at === -1) continue;
		let options;
		try {
			options = decodeURIComponent(topic.slice(at + 1).replace(/\+/g, ' '));
		} catch {
			throw new BadRequestError('A subscription topic has malformed options.');
		}
		if (options.indexOf('_via_') !== -1 || options.indexOf('@collection') !== -1) {
			throw new BadRequestError(
				'Back-relations (_via_) and @collection joins are turned off in subscriptions.'
			);
		}
	}
	return e.next();
});

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
routerUse(
	new Middleware((e) => {
		if (e.hasSuperuserAuth()) return e.next();
		const maxBodyBytes = 64 * 1024;
		const maxFilterLength = 500;
		const maxPerPage = 1000;

		const method = e.request.method;
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
// no options.
onRealtimeSubscribeRequest((e) => {
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

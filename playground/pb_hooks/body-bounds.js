/// <reference path="../pb_data/types.d.ts" />
// What a request body may be on the playground, checked from the request line and headers
// before anything reads the body. PocketBase parses a body for any method, GET and DELETE too,
// whenever it has one (RequestInfo → BindBody), picks the parser by the Content-Type prefix
// (application/json, multipart/form-data, application/x-www-form-urlencoded, XML), and reads a
// chunked body up to its 32 MB body limit. The demos send JSON, with a length, on POST, PUT and
// PATCH only. So:
// - any body of unknown length (chunked) is refused, on every method;
// - GET, HEAD and DELETE carry no body;
// - a body is at most 64 KB and is JSON, by the same test PocketBase uses to pick its JSON
//   parser (the header's first value starts with "application/json"). That also closes the
//   "simple" cross-site requests a foreign page can send without a CORS preflight
//   (form-encoded, multipart, text/plain): --origins cannot stop those from being sent.
// Loaded with require() inside the request-bounds middleware.
const maxBodyBytes = 64 * 1024;

module.exports = {
	maxBodyBytes,

	/** Throws the refusal for the request's body, or returns when it may be read. */
	check(e) {
		const method = e.request.method;
		// Go reports an unknown length (a chunked body) as -1; browsers always send a length.
		const length = e.request.contentLength;
		if (length < 0) {
			throw new ApiError(411, 'Send a Content-Length: bodies of unknown length are refused.', {});
		}
		if (length === 0) return;
		if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') {
			throw new BadRequestError('A ' + method + ' request carries no body on the playground.');
		}
		if (length > maxBodyBytes) {
			throw new ApiError(413, 'Request bodies are limited to ' + maxBodyBytes + ' bytes.', {});
		}
		const type = e.request.header.get('Content-Type');
		if (type.indexOf('application/json') !== 0) {
			throw new ApiError(
				415,
				type.toLowerCase().indexOf('multipart/form-data') === 0
					? 'The playground accepts no file uploads: send JSON.'
					: 'The playground accepts JSON bodies only (Content-Type: application/json).',
				{}
			);
		}
	},
};

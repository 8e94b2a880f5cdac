/// <reference path="../pb_data/types.d.ts" />
// Shared checks for the demo routes (loaded with require() inside each handler: handlers run
// in isolated contexts, so code outside them is not visible). Every refusal is a 400 that says
// what was wrong and what is accepted, because these routes face anonymous strangers.
module.exports = {
	/** A required whole-number query parameter in [min, max]. */
	intParam(e, name, min, max) {
		const raw = e.request.url.query().get(name);
		if (raw === '') {
			throw new BadRequestError(
				'The ' + name + ' parameter is required: a whole number from ' + min + ' to ' + max + '.'
			);
		}
		if (!/^\d{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
			throw new BadRequestError(
				'The ' +
					name +
					' parameter must be a whole number from ' +
					min +
					' to ' +
					max +
					', not "' +
					raw.slice(0, 20) +
					'".'
			);
		}
		return Number(raw);
	},

	/** A record id as PocketBase makes them: 15 lowercase letters and digits. */
	recordId(value, name) {
		if (!/^[a-z0-9]{15}$/.test(value)) {
			throw new BadRequestError(
				'The ' + name + ' must be a record id: 15 lowercase letters or digits.'
			);
		}
		return value;
	},

	/** The JSON body, refused when it is larger than maxBytes or not an object. */
	jsonBody(e, maxBytes) {
		if (e.request.contentLength > maxBytes) {
			throw new BadRequestError('The body may be at most ' + maxBytes + ' bytes.');
		}
		let body;
		try {
			body = e.requestInfo().body;
		} catch {
			body = undefined;
		}
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			throw new BadRequestError('The body must be a JSON object, such as {"text": "…"}.');
		}
		return body;
	},

	/** A required string field of the body, 1 to max characters. */
	text(body, name, max) {
		const value = body[name];
		if (value === undefined || value === null) {
			throw new BadRequestError('The ' + name + ' field is required.');
		}
		if (typeof value !== 'string')
			throw new BadRequestError('The ' + name + ' field must be a string.');
		if (value.length < 1 || value.length > max) {
			throw new BadRequestError('The ' + name + ' field must be 1 to ' + max + ' characters long.');
		}
		return value;
	},

	/** "2026-01-01 10:00:00.000Z", the format PocketBase stores autodate fields in. */
	minutesAgo(minutes) {
		return new Date(Date.now() - minutes * 60000).toISOString().replace('T', ' ');
	},
};

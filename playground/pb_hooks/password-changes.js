/// <reference path="../pb_data/types.d.ts" />
// Demo accounts keep the password they signed up with. A password change costs bcrypt twice
// before it can fail: PocketBase hashes the new password as soon as its record form loads the
// body (forms/record_upsert.go, Load → the password field), before any record hook runs, and
// then checks oldPassword. About 0.1–0.2 s of CPU each on a small host, and no rate limit rule
// covers updates: 120 wrong guesses from one address took 27 CPU-seconds in 15 s. The demos never
// change a password, so an update of an auth record whose decoded body holds any of the three
// keys the form reads for it (exact names) is refused here, in the middleware, before the route.
// Loaded with require() inside the request-bounds middleware.
module.exports = {
	/** Throws the refusal for a password change, or returns. */
	check(e) {
		if (e.request.method !== 'PATCH' || !e.request.pathValue('id')) return;
		let collection;
		try {
			collection = $app.findCachedCollectionByNameOrId(e.request.pathValue('collection'));
		} catch {
			return;
		}
		if (collection.type !== 'auth') return;
		const body = e.requestInfo().body;
		for (const key of ['password', 'passwordConfirm', 'oldPassword']) {
			if (body[key] !== undefined) {
				throw new ForbiddenError(
					'Demo accounts keep the password they signed up with: password changes are turned off on the playground.'
				);
			}
		}
	},
};

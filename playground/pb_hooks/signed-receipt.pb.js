/// <reference path="../pb_data/types.d.ts" />
// POST /api/demo/signed-receipt {text}: signs a small receipt for the signed-in caller with
// HMAC-SHA256, using a key read from PocketBase's environment (PLAYGROUND_SIGNING_KEY). An
// integration partner holding the same key can check the signature; the key itself never
// leaves this process, in no response and in nothing the site ships. Bounded: signed-in users
// only, a 2 KB body and 200 characters of text, no storage, no outgoing calls.
routerAdd(
	'POST',
	'/api/demo/signed-receipt',
	(e) => {
		const input = require(`${__hooks}/demo-input.js`);
		const key = $os.getenv('PLAYGROUND_SIGNING_KEY');
		if (key.length < 32) {
			throw new ApiError(503, 'This PocketBase has no signing key (PLAYGROUND_SIGNING_KEY).');
		}
		const text = input.text(input.jsonBody(e, 2048), 'text', 200);
		const payload = JSON.stringify({ user: e.auth.id, text, issuedAt: new Date().toISOString() });
		return e.json(200, {
			payload,
			algorithm: 'HMAC-SHA256',
			signature: $security.hs256(payload, key),
		});
	},
	$apis.requireAuth('users')
);

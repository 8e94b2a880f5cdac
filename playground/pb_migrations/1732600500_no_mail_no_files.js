/// <reference path="../pb_data/types.d.ts" />
// The demos need no avatars and no mail, so `users` keeps neither: without a file field nothing
// can be uploaded (an image bomb, or gigabytes of avatars), and with the "login from a new
// location" alert off no mail carries a stranger's User-Agent text to anyone. The hooks
// no-mail.pb.js and request-bounds.pb.js refuse the requests themselves.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		for (const field of users.fields.slice()) {
			if (field.type() === 'file') users.fields.removeByName(field.name);
		}
		users.authAlert.enabled = false;
		users.otp.enabled = false;
		app.save(users);
	},
	(app) => {
		// Back to what a new PocketBase 0.40.4 gives `users` (migrations/1640988000_init.go).
		const users = app.findCollectionByNameOrId('users');
		users.fields.add(
			new FileField({
				name: 'avatar',
				maxSelect: 1,
				mimeTypes: ['image/jpeg', 'image/png', 'image/svg+xml', 'image/gif', 'image/webp'],
			})
		);
		users.authAlert.enabled = true;
		app.save(users);
	}
);

/// <reference path="../pb_data/types.d.ts" />
// The network each demo user signed up from (an IPv4 address or an IPv6 /64), so the sign-up
// quota in pb_hooks/demo-users-cap.pb.js can count a network's live accounts. Hidden: no API
// answer shows it, not even to its owner, and PocketBase drops a hidden field from the body of
// anyone but a superuser (forms/record_upsert.go), so only the hook sets it, on create.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		users.fields.add(new TextField({ name: 'signup_network', hidden: true, max: 64 }));
		users.addIndex('idx_users_signup_network', false, 'signup_network', '');
		app.save(users);
	},
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		users.removeIndex('idx_users_signup_network');
		users.fields.removeByName('signup_network');
		app.save(users);
	}
);

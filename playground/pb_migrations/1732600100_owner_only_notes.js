/// <reference path="../pb_data/types.d.ts" />
// notes: every record belongs to one user and only that user can touch it.
// List returns only your own notes (others are filtered out, not refused);
// view/update/delete of someone else's note answers 404; creating a note for
// someone else fails the create rule (400). Changing a note's owner is refused too.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const isOwner = '@request.auth.id != "" && owner = @request.auth.id';
		const notes = new Collection({
			type: 'base',
			name: 'notes',
			listRule: isOwner,
			viewRule: isOwner,
			createRule: '@request.auth.id != "" && @request.body.owner = @request.auth.id',
			updateRule:
				isOwner +
				' && (@request.body.owner:isset = false || @request.body.owner = @request.auth.id)',
			deleteRule: isOwner,
			fields: [
				{ name: 'text', type: 'text', required: true, max: 500 },
				{
					name: 'owner',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: users.id,
					cascadeDelete: true,
				},
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
			],
			indexes: ['CREATE INDEX idx_notes_owner ON notes (owner)'],
		});
		app.save(notes);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('notes'));
	}
);

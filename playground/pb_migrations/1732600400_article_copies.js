/// <reference path="../pb_data/types.d.ts" />
// article_copies: a reader's own copy of one public article, for the static-generation demo,
// so a reader can change "an article" and see a live read change while the built page stays,
// without changing what anyone else sees. Only the copy-article hook creates copies (create
// is locked); each copy is visible to and editable by its owner alone, its owner and slug
// cannot be changed, and it is deleted with its owner by the hourly cleanup of demo users.
migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const isOwner = '@request.auth.id != "" && owner = @request.auth.id';
		const copies = new Collection({
			type: 'base',
			name: 'article_copies',
			listRule: isOwner,
			viewRule: isOwner,
			createRule: null,
			updateRule:
				isOwner + ' && @request.body.owner:isset = false && @request.body.slug:isset = false',
			deleteRule: isOwner,
			fields: [
				{
					name: 'owner',
					type: 'relation',
					required: true,
					maxSelect: 1,
					collectionId: users.id,
					cascadeDelete: true,
				},
				{ name: 'slug', type: 'text', required: true, max: 200 },
				{ name: 'title', type: 'text', required: true, max: 200 },
				{ name: 'summary', type: 'text', max: 1000 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_article_copies_owner_slug ON article_copies (owner, slug)',
			],
		});
		app.save(copies);
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('article_copies'));
	}
);

/// <reference path="../pb_data/types.d.ts" />
// POST /api/demo/article-copies {slug}: makes the caller's own copy of one public article (or
// returns the one they already have), for the static-generation demo. Bounded: signed-in users
// only, at most 3 copies each, a slug of at most 200 characters; copies go with their owner.
routerAdd(
	'POST',
	'/api/demo/article-copies',
	(e) => {
		const input = require(`${__hooks}/demo-input.js`);
		const slug = input.text(input.jsonBody(e, 1024), 'slug', 200);
		let article;
		try {
			article = $app.findFirstRecordByData('articles', 'slug', slug);
		} catch {
			throw new NotFoundError('No public article has that slug.');
		}
		const owner = e.auth.id;
		const show = (copy) =>
			e.json(200, {
				id: copy.id,
				slug: copy.getString('slug'),
				title: copy.getString('title'),
				summary: copy.getString('summary'),
			});
		const mine = $app.findRecordsByFilter('article_copies', 'owner = {:owner}', '', 10, 0, {
			owner,
		});
		for (const copy of mine) {
			if (copy.getString('slug') === slug) return show(copy);
		}
		if (mine.length >= 3) {
			throw new BadRequestError('You have 3 article copies already; change one of those.');
		}
		const copy = new Record($app.findCollectionByNameOrId('article_copies'));
		copy.set('owner', owner);
		copy.set('slug', slug);
		copy.set('title', article.getString('title'));
		copy.set('summary', article.getString('summary'));
		$app.save(copy);
		return show(copy);
	},
	$apis.requireAuth('users')
);

/// <reference path="../pb_data/types.d.ts" />
// articles: public content anyone may list and view, and only superusers may change: the kind
// of data a page could also build statically. Seeded with a few dozen records so the latency
// demos have real lists and real single records to fetch.
migrate(
	(app) => {
		const articles = new Collection({
			type: 'base',
			name: 'articles',
			listRule: '',
			viewRule: '',
			createRule: null,
			updateRule: null,
			deleteRule: null,
			fields: [
				{ name: 'title', type: 'text', required: true, max: 200 },
				{ name: 'slug', type: 'text', required: true, max: 200 },
				{ name: 'summary', type: 'text', max: 1000 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
			],
			indexes: ['CREATE UNIQUE INDEX idx_articles_slug ON articles (slug)'],
		});
		app.save(articles);

		const topics = [
			'API rules',
			'JS hooks',
			'realtime',
			'rate limits',
			'file uploads',
			'OAuth2',
			'backups',
			'migrations',
		];
		const angles = ['A first look at', 'Common mistakes with', 'Testing', 'Scaling'];
		for (const topic of topics) {
			for (const angle of angles) {
				const record = new Record(articles);
				const title = angle + ' ' + topic;
				record.set('title', title);
				record.set('slug', title.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
				record.set(
					'summary',
					'A public article about ' + topic + ', readable by anyone under the list and view rules.'
				);
				app.save(record);
			}
		}
	},
	(app) => {
		app.delete(app.findCollectionByNameOrId('articles'));
	}
);

/// <reference path="../pb_data/types.d.ts" />
// Which requests reach the dashboard or a superuser route, resolved the way PocketBase resolves
// them: the router's own `{collection}` path value (already unescaped), looked up by name or id
// as PocketBase does it (findCachedCollectionByNameOrId compares names ignoring letter case, so
// `_SUPERUSERS` is the superusers collection), never a pattern on the raw path.
// Loaded with require() inside the request-bounds middleware.
module.exports = {
	/** Whether `e` asks for the dashboard or for any route of the `_superusers` collection. */
	isSuperuserRoute(e) {
		const path = e.request.url.path;
		if (path === '/_' || path.indexOf('/_/') === 0) return true;
		const name = e.request.pathValue('collection');
		if (!name) return false;
		try {
			return $app.findCachedCollectionByNameOrId(name).name === '_superusers';
		} catch {
			// No such collection: PocketBase answers 404 by itself.
			return false;
		}
	},
};

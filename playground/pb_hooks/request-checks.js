/// <reference path="../pb_data/types.d.ts" />
// The checks request-bounds.pb.js runs on every request, gathered in one module so each JS
// runtime loads them once: one require() per request instead of one per check. (Several
// require() calls on every request cost the 200-visitor load run about twice its p95.)
module.exports = {
	body: require(`${__hooks}/body-bounds.js`),
	ipNetwork: require(`${__hooks}/ip-network.js`),
	passwordChanges: require(`${__hooks}/password-changes.js`),
	query: require(`${__hooks}/query-bounds.js`),
	streams: require(`${__hooks}/stream-quota.js`),
	superuserRoutes: require(`${__hooks}/superuser-routes.js`),
};

// Where the site and its source live. Both are set by the deployment (see README: Deploying);
// the defaults keep local builds and the sitemap working.
export const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';
export const repositoryUrl =
	process.env.REPOSITORY_URL ?? 'https://github.com/pocketbase-guide/server-or-browser';

import { join } from 'node:path';
import type { NextConfig } from 'next';

// An npm workspace of the guide's repository: its packages, next included, are installed in
// the repository's node_modules, two folders up, so that is the root Next.js resolves from.
const repositoryRoot = join(import.meta.dirname, '..', '..');

const config: NextConfig = {
	// What create-next-app's recommended defaults write (16.4): 'use cache', cacheLife and
	// cacheTag instead of route segment options such as `dynamic = 'force-static'`.
	cacheComponents: true,
	partialPrefetching: true,
	outputFileTracingRoot: repositoryRoot,
	turbopack: { root: repositoryRoot },
};

export default config;

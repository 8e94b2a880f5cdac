import { join } from 'node:path';
import type { NextConfig } from 'next';

// An npm workspace of the guide's repository, like examples/nextjs: next is installed two folders up.
const repositoryRoot = join(import.meta.dirname, '..', '..');

// No `cacheComponents`: Next.js 16.5's own default, and how every app made before create-next-app
// turned it on still runs. The route segment options below exist only in this mode.
const config: NextConfig = {
	outputFileTracingRoot: repositoryRoot,
	turbopack: { root: repositoryRoot },
};

export default config;

import type { NextConfig } from 'next';

const config: NextConfig = {
	// The example lives inside the guide's repository: trace files from here, not from its root.
	outputFileTracingRoot: import.meta.dirname,
};

export default config;

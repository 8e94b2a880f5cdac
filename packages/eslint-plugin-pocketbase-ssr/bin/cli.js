#!/usr/bin/env node
import { run } from '../cli/run.js';

process.exitCode = await run(process.argv.slice(2), {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
});

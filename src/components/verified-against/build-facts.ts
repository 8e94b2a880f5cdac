/**
 * Facts about this build that every page shows, worked out once per build: the versions in
 * package-lock.json and the moment the build ran (one date for all pages, even across midnight).
 */
import lockText from '../../../package-lock.json?raw';
import { verifiedVersions, type PackageLock } from '~/lib/verified-versions';

export const versions = verifiedVersions(JSON.parse(lockText) as PackageLock);
export const builtAt = new Date();

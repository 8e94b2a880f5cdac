// One test file for every rule's RuleTester cases: the parser loads once, not once per rule.
import './rules/no-auth-in-universal-load.ts';
import './rules/no-export-to-cookie-value.ts';
import './rules/no-filter-interpolation.ts';
import './rules/no-leftmost-forwarded-for.ts';
import './rules/no-shared-cache-user-data.ts';
import './rules/no-shared-client.ts';
import './rules/no-superuser-in-client.ts';
import './rules/no-unverified-auth.ts';
import './rules/robustness.ts';

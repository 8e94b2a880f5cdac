/**
 * The two response headers that make every page of the site cross-origin isolated
 * (`self.crossOriginIsolated`). Isolated pages get their timestamps, Resource Timing's included,
 * in steps of 5 µs instead of 100 µs (MDN, DOMHighResTimeStamp, "Security requirements"), and
 * the latency race times loopback requests of about 2.5 ms with them.
 *
 * astro.config.mjs sends them from `astro dev` and `astro preview` (so from the e2e tests and
 * the bench too), and public/_headers from a static host; a unit test keeps the two the same.
 *
 * `credentialless`, not `require-corp`: under either, every CORS request (the SDK's fetches, the
 * realtime EventSource) works as before, and the site's own files are same-origin. What differs
 * is a cross-origin `no-cors` request, and the connection probe makes one to tell "CORS refused"
 * from "unreachable" (src/lib/connection-probe.ts). `require-corp` would block its answer unless
 * the reader's PocketBase sent `Cross-Origin-Resource-Policy`, which PocketBase does not, so a
 * CORS refusal would read as "not reachable". `credentialless` lets the answer through and sends
 * that request without cookies, which it never needed. Browsers without `credentialless`
 * (Safari) ignore the value and load the page as before, not isolated.
 */
export const crossOriginIsolationHeaders = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'credentialless',
} as const;

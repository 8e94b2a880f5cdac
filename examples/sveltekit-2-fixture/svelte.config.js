// SvelteKit 2 reads its configuration here (kit 3 takes it in vite.config). No adapter: this
// folder is only type-checked, never built.
/** @type {import('@sveltejs/kit').Config} */
export default { kit: {} };

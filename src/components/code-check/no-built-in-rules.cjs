// Stands in for ESLint's map of built-in rules in the /check/ bundle (eslint-browser-bundle.ts):
// no rule of ESLint's own is configured there, so none is ever looked up.
/* global module */
module.exports = new Map();

/**
 * The Node (V8) options the language server runs with: the VS Code extension starts it with them,
 * and `npm run bench` too, as the extension does. Another editor can pass them to `node` before
 * bin/planspec-language-server.js.
 *
 * 128 MB semi-spaces for the young generation instead of V8's 16 MB: building a plan allocates many
 * objects that live for one build, which a small young generation promotes to the old one before
 * they die. In the 5,000-line plan of the bench's 1,000-plan workspace, the 20 edits took 14 minor
 * collections (0.36 s) instead of 101 (0.7–0.8 s), and an edit's diagnostics came in 131 ms (p95
 * 143 ms) instead of 139–149 ms (p95 171 ms); in the 20,000-line plan, 437 ms instead of 476 ms. The
 * server holds about 180 MB more after loading that workspace.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=128'];

/**
 * Whether this build describes its routes: false in the Lambda bundles, where nothing builds the
 * document (infra/lambda-bundling.ts defines the variable, and esbuild folds `DOCS && {…}` away
 * with everything only the document names); true wherever the code runs from source — the local
 * server, the tests and `npm run openapi`.
 */
export const DOCS: boolean = process.env.CN_LAMBDA_BUNDLE !== 'true';

/**
 * Whether this build describes its routes: false in the Lambda bundles, where nothing builds the
 * document (infra/lambda-bundling.ts defines the variable, and esbuild folds `DOCS && {…}` away
 * with everything only the document names); true wherever the code runs from source — the local
 * server, the tests and `npm run openapi`. A module of its own because esbuild inlines a constant
 * into other modules only from one that declares nothing else (declared in openapi.ts, it stayed a
 * variable and folded nothing).
 */
export const DOCS: boolean = process.env.CN_LAMBDA_BUNDLE !== 'true';

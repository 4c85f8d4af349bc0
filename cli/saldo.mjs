// The launcher as it was named before (issue 22 made it CommonJS, cli/saldo.cjs): kept so that
// `node cli/saldo.mjs …` still works. `npm run saldo` starts cli/saldo.cjs, which is faster.
import './saldo.cjs';

// Jest transform: TypeScript/TSX to CommonJS with esbuild (no TypeScript compiler needed at test time;
// type-checking is its own step of `npm test`).
const { transformSync } = require('esbuild');
module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js';
    const out = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      jsx: 'automatic',
      jsxImportSource: 'preact',
    });
    return { code: out.code };
  },
};

/**
 * The one docxtemplater module Saldo reaches past the public API for: a fresh scope for each
 * letter, so a template is compiled once and filled many times (letters/docx/template.ts).
 * test/letters pins the result to docxtemplater's own render.
 */
declare module 'docxtemplater/js/scope-manager.js' {
  function createScope(options: { tags: unknown; parser: unknown; cachedParsers: unknown }): unknown;
  export default createScope;
}

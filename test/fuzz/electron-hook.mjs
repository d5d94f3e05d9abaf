// `npm run fuzz` runs under plain Node, where Electron's runtime cannot start: the desktop's modules get the
// hand-written fake of test/mocks/electron.ts instead, as vi.mock gives them under vitest.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron')
    return { url: new URL('../mocks/electron.ts', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}

/**
 * State that every content script of this extension in a frame must share. The content script is two scripts
 * (ADR 018: a small one at `document_start`, the rest at `document_end`), each bundled with its own copy of the
 * modules it uses; a module whose state must be one per frame (work in progress, highlights claimed in the shared
 * registry) keeps it here, under a registered symbol on the isolated world's global object, which both scripts
 * see and the page never does.
 */
export function worldState<T extends object>(name: string, create: () => T): T {
  const key = Symbol.for(`onrecord.${name}`);
  const world = globalThis as unknown as Record<symbol, T | undefined>;
  return (world[key] ??= create());
}

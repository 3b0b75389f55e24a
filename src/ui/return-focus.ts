/**
 * A modal that is unmounted rather than closed (preact removes the <dialog>) leaves focus on <body>: the keyboard
 * user loses their place in the list. `useReturnFocus` remembers what had focus when the modal opened and gives it
 * back when the modal goes; when that element has gone too (the row was deleted), `fallback` says where to go.
 */
import { useEffect } from 'preact/hooks';

export function useReturnFocus(fallback?: () => HTMLElement | null | undefined): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    return () => {
      // Runs after the modal's own nodes are gone; a microtask lets the list re-render first (a deleted row).
      queueMicrotask(() => {
        const target = opener?.isConnected ? opener : fallback?.();
        target?.focus({ preventScroll: false });
      });
    };
    // The opener is read once, when the modal opens.
  }, []);
}

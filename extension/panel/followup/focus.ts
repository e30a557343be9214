/** Bring the element a clicked reminder points at into view and give it focus, once. */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { focusId } from './target';

export function useFocusTarget<T extends HTMLElement>(id: string): { ref: RefObject<T>; focused: boolean } {
  const ref = useRef<T>(null);
  const focused = focusId.value === id;
  useEffect(() => {
    if (!focused || !ref.current) return;
    ref.current.scrollIntoView({ block: 'center' });
    ref.current.focus({ preventScroll: true });
  }, [focused]);
  return { ref, focused };
}

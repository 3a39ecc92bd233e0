import { type RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Listens to a widget's `crm-*` events (Preact's `on…` props lower-case event names, so the
 * widgets' events are added by hand), keeping the newest handlers.
 *
 * @example
 * const ref = useWidgetEvents({ 'crm-company-select': (e) => navigate(`/kunder/${e.detail.id}`) });
 */
export function useWidgetEvents<T extends HTMLElement>(handlers: Record<string, (event: CustomEvent) => void>): RefObject<T> {
  const ref = useRef<T>(null);
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const names = Object.keys(latest.current);
    const listener = (event: Event) => latest.current[event.type]?.(event as CustomEvent);
    for (const name of names) element.addEventListener(name, listener);
    return () => names.forEach((name) => element.removeEventListener(name, listener));
  }, []);
  return ref;
}

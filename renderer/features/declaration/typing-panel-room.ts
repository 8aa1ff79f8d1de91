import { useLayoutEffect, useRef } from 'react';

/**
 * The keyboard panel sticks to the bottom of the screen. While it is shown, the page keeps
 * that much room at the bottom of its scroll area (scroll-padding-bottom), so a field that
 * is brought into view — by a tap, a tab or a scan — lands above the panel, not under it.
 */
export function useTypingPanelRoom<T extends HTMLElement>() {
  const panel = useRef<T>(null);
  useLayoutEffect(() => {
    const element = panel.current;
    if (!element) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--typing-panel-height', `${element.offsetHeight}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--typing-panel-height');
    };
  });
  return panel;
}

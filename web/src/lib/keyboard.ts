/** Keyboard shortcuts of the inbox, ignored while the agent types in a field. */
export type InboxCommand = 'next' | 'previous' | 'open' | 'search' | 'close' | 'leave-field';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function commandFor(event: KeyboardEvent): InboxCommand | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') {
    // Escape in a field with text only leaves the field (nothing typed is lost); from an empty
    // field, a select or anywhere else it closes the incident.
    const t = event.target;
    if (t instanceof HTMLElement && t.isContentEditable) return 'leave-field';
    if ((t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) && t.value !== '') return 'leave-field';
    return 'close';
  }
  if (isTypingTarget(event.target)) return null;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'previous';
    case 'Enter':
      // Enter on a focused button or link keeps its own meaning.
      return event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement ? null : 'open';
    case '/':
      return 'search';
    default:
      return null;
  }
}

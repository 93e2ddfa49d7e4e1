/**
 * Svelte action for a `<dialog>`: opens it as a modal and, when it goes away, gives focus back
 * to whatever had it before (the button that opened it), so keyboard users keep their place.
 * `initialFocus` is a selector for what gets focus first; a text field there has its text
 * selected, so that typing replaces a suggested value.
 */
export function modal(node: HTMLDialogElement, initialFocus?: string) {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  node.showModal();
  if (initialFocus) {
    const first = node.querySelector<HTMLElement>(initialFocus);
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
  }
  return {
    destroy() {
      if (node.open) node.close();
      if (opener?.isConnected) opener.focus();
    },
  };
}

/**
 * Svelte action for a `<dialog>`: opens it as a modal and, when it goes away, gives focus back
 * to whatever had it before (the button that opened it), so keyboard users keep their place.
 */
export function modal(node: HTMLDialogElement, initialFocus?: string) {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  node.showModal();
  if (initialFocus) node.querySelector<HTMLElement>(initialFocus)?.focus();
  return {
    destroy() {
      if (node.open) node.close();
      if (opener?.isConnected) opener.focus();
    },
  };
}

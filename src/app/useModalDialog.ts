/**
 * Drives a native <dialog> from store state: `showModal()` when `open` turns true (focus moves in,
 * Escape closes, the page behind is inert), `close()` when it turns false, and on close focus goes
 * back to what had it before. Spread the returned props on the <dialog>.
 */
import { useEffect, useRef } from 'react';

export function useModalDialog(open: boolean, setOpen: (open: boolean) => void, onOpen?: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      onOpen?.();
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open, onOpen]);
  return {
    ref,
    onClose: () => {
      setOpen(false);
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    },
  };
}

import { create } from 'zustand';

/** Whether the command palette is open, for the Ctrl/Cmd+K key and the navigation's button alike. */
export const usePalette = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

// The client group the agent is booking for: chosen once in the booking panel, kept for the
// next options of the same morning until another is chosen.
import { create } from 'zustand';

export const useCurrentDossier = create<{ dossierId: string | null; choose(id: string | null): void }>((set) => ({
  dossierId: null,
  choose: (dossierId) => set({ dossierId }),
}));

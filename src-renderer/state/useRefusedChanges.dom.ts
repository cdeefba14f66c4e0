// The changes the central service refused as malformed, read again whenever sync says where it stands.
import { useEffect } from 'react';
import type { RefusedChangeDto } from '../../src-main/contract/schemas.std.ts';
import { useApp } from './appStore.dom.ts';
import { useRemote } from './useRemote.dom.ts';

export function useRefusedChanges(): { changes: RefusedChangeDto[]; reload(): void } {
  const status = useApp((s) => s.syncStatus);
  const refused = useRemote('sync.refused', {});
  const { reload } = refused;
  useEffect(() => reload(), [status, reload]);
  return { changes: status?.refusedChanges ? (refused.value ?? []) : [], reload };
}

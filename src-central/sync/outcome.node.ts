// What applying one mutation yields: its result (applied or a business refusal) and the
// versioned rows it changed, which the push transaction stamps before committing.
import type { MutationResult } from '../../src-main/contract/centralApi.std.ts';
import type { Touched } from '../store/versions.node.ts';

export type ResultBody = Omit<MutationResult, 'mutationId'>;

export interface MutationOutcome {
  result: ResultBody;
  touched: Touched;
}

export function rejected(code: NonNullable<ResultBody['code']>, message: string, more: Partial<ResultBody> = {}): MutationOutcome {
  return { result: { status: 'rejected', code, message, ...more }, touched: {} };
}

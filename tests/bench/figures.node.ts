// Figures the benchmarks hand to BENCHMARKS.md beside their targets and limits: each bench
// still prints its own lines; what it records here goes into the table at the top.
export interface Figure {
  what: string;
  measured: string;
  target?: string;
  /** What bounds it on this machine, measured in the same run (PostgreSQL's own rate, a plain SQLite loop). */
  limit?: string;
  met?: boolean;
  /** What the bench measured of the cause, shown when the target is missed. */
  whyMissed?: string;
}

export const figures: Figure[] = [];

export function recordFigure(figure: Figure): void {
  figures.push(figure);
}

/** The middle value of a bench's runs. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

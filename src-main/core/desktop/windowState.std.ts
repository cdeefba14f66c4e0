// Where the window opens: where it was left, unless that place is gone (a monitor unplugged,
// a laptop taken off its dock) or too small to work in.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered: the window's normal (unmaximized) bounds, and whether it was maximized. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface ScreenLayout {
  primaryWorkArea: Rect;
  /** Every display's work area (the primary's among them): the screen less task bars and docks. */
  workAreas: readonly Rect[];
}

export const DEFAULT_WINDOW_SIZE = { width: 1366, height: 768 } as const;
/** Below this the booking screens' columns no longer fit. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The saved record read back from disk, or null when it is not one (the file is the user's to break). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteNumber)) return null;
  return {
    bounds: { x: Math.round(x as number), y: Math.round(y as number), width: Math.round(width as number), height: Math.round(height as number) },
    maximized: maximized === true,
  };
}

/** The bounds to open the window at, given what was saved (if anything) and the displays there are now. */
export function windowStateToOpen(saved: WindowState | null, screen: ScreenLayout): WindowState {
  if (!saved) return { bounds: centeredIn(screen.primaryWorkArea, DEFAULT_WINDOW_SIZE), maximized: false };
  const size = { width: Math.max(saved.bounds.width, MIN_WINDOW_SIZE.width), height: Math.max(saved.bounds.height, MIN_WINDOW_SIZE.height) };
  const display = displayShowingMostOf(saved.bounds, screen.workAreas);
  // A window whose monitor is gone reopens in the middle of the main one rather than at the
  // old coordinates, which would only hug the nearest edge.
  const bounds = display ? clampInto(display, { ...saved.bounds, ...size }) : centeredIn(screen.primaryWorkArea, size);
  return { bounds, maximized: saved.maximized };
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function displayShowingMostOf(bounds: Rect, workAreas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestArea) [best, bestArea] = [area, overlap];
  }
  return best;
}

/** Shrinks the size to the work area (never below the minimum), then centres it there. */
function centeredIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = fitted(size.width, area.width, MIN_WINDOW_SIZE.width);
  const height = fitted(size.height, area.height, MIN_WINDOW_SIZE.height);
  return clampInto(area, { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height });
}

/** Moves (and if need be shrinks) the window until it lies wholly in the work area. */
function clampInto(area: Rect, bounds: Rect): Rect {
  const width = fitted(bounds.width, area.width, MIN_WINDOW_SIZE.width);
  const height = fitted(bounds.height, area.height, MIN_WINDOW_SIZE.height);
  // On a work area smaller than the minimum the window keeps its top-left corner, and so its
  // title bar, on the screen.
  const x = Math.max(area.x, Math.min(bounds.x, area.x + area.width - width));
  const y = Math.max(area.y, Math.min(bounds.y, area.y + area.height - height));
  return { x, y, width, height };
}

const fitted = (wanted: number, available: number, minimum: number) => Math.max(minimum, Math.min(wanted, available));

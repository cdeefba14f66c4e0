// TEST ONLY: a barrier where every ticket PDF stops, in the thread drawing it, until the test
// lets it go. A test proves with it that other offices are answered while a bundle is being
// drawn, at any machine speed, without timing anything. It is shared memory because the
// drawing thread is stopped: it can read no message, only wake on a changed word.

/** Renders that have reached the hold; renders let go; renders past it; the verdict for the next. */
const ARRIVED = 0;
const LET_GO = 1;
const PASSED = 2;
const VERDICT = 3;
const CRASH = 1;

/** Called by the drawing thread: stops until the test lets this render go, then says whether it should crash. */
export function stopAtRenderHold(hold: SharedArrayBuffer): { crash: boolean } {
  const cells = new Int32Array(hold);
  const me = Atomics.add(cells, ARRIVED, 1);
  Atomics.notify(cells, ARRIVED);
  for (let letGo = Atomics.load(cells, LET_GO); letGo <= me; letGo = Atomics.load(cells, LET_GO)) Atomics.wait(cells, LET_GO, letGo);
  const crash = Atomics.exchange(cells, VERDICT, 0) === CRASH;
  Atomics.add(cells, PASSED, 1);
  return { crash };
}

export interface RenderHold {
  /** Given to the central service (StartCentralOptions.ticketPdfHold). */
  buffer: SharedArrayBuffer;
  /** Resolves once `count` renders in all have reached the hold. */
  arrived(count: number): Promise<void>;
  /** How many renders are stopped at the hold right now. */
  stopped(): number;
  /** Lets the next `count` stopped renders go on; `crash`: the one let go kills its thread instead. */
  letGo(count?: number, verdict?: 'crash'): void;
  /** Lets every render go, now and from now on (a test's clean-up). */
  open(): void;
}

export function createRenderHold(): RenderHold {
  const buffer = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const cells = new Int32Array(buffer);
  const wake = () => Atomics.notify(cells, LET_GO);
  return {
    buffer,
    async arrived(count) {
      for (let arrived = Atomics.load(cells, ARRIVED); arrived < count; arrived = Atomics.load(cells, ARRIVED)) {
        await Atomics.waitAsync(cells, ARRIVED, arrived).value;
      }
    },
    stopped: () => Atomics.load(cells, ARRIVED) - Atomics.load(cells, PASSED),
    letGo(count = 1, verdict) {
      if (verdict === 'crash') Atomics.store(cells, VERDICT, CRASH);
      Atomics.add(cells, LET_GO, count);
      wake();
    },
    open() {
      Atomics.store(cells, LET_GO, 2 ** 30);
      wake();
    },
  };
}

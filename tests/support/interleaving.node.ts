// Tools that force an interleaving instead of hoping for one: a barrier that holds every
// party until all have arrived, and a gate that holds one party until the test opens it.
// Both give up after a minute with an error naming what never came, rather than hanging.
const GIVE_UP_MS = 60_000;

function within<T>(promise: Promise<T>, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const givingUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting: ${what()}`)), GIVE_UP_MS);
  });
  return Promise.race([promise, givingUp]).finally(() => clearTimeout(timer));
}

export interface Barrier {
  /** Resolves once `parties` have called it (at once for later callers). */
  arrive(): Promise<void>;
  readonly arrived: number;
}

export function barrier(parties: number): Barrier {
  let arrived = 0;
  let release!: () => void;
  const open = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    arrive() {
      arrived += 1;
      if (arrived === parties) release();
      return within(open, () => `only ${arrived} of ${parties} parties reached the barrier`);
    },
    get arrived() {
      return arrived;
    },
  };
}

export interface Gate {
  /** Called by the party held: resolves when the test opens the gate. */
  hold(): Promise<void>;
  /** Resolves when the party is being held. */
  reached(): Promise<void>;
  open(): void;
}

export function gate(name: string): Gate {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    hold() {
      arrive();
      return within(opened, () => `${name}: the gate was never opened`);
    },
    reached: () => within(arrived, () => `${name}: nothing reached the gate`),
    open: () => release(),
  };
}

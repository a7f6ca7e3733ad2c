/** The one source of time. Everything scheduled asks this, never `Date.now()` directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `startIso` and then runs forward in real time
 * (development mode's SLT_CLOCK_START, for trying out scheduled posts).
 */
export function startingClock(startIso: string, real: Clock = systemClock): Clock {
  const offset = new Date(startIso).getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private t: number;
  constructor(startIso: string) {
    this.t = new Date(startIso).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Source of the current time in milliseconds since the epoch; injected so tests can move time. */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** The Worker's clock: lateness and receipts use it. Tests set `clock.now` to decide the time. */
export const clock = {
  now: (): Date => new Date(),
};

/** Source of "now", injectable so tests can receive a dossier on a chosen day and hour. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

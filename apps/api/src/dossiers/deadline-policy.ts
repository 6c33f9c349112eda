/** Computes the appointment (hẹn trả) of a dossier from its receipt time and the procedure's time limit. */
export abstract class DeadlinePolicy {
  /** Null when the procedure sets no time limit. */
  abstract appointmentFor(receivedAt: Date, processingTime: { amount: number; unit: string } | null): Date | null;
}

/**
 * Idempotency keys for form submissions: one fresh UUID per submission, reused when the same
 * body is sent again (a retry after a timeout or a double click), so the server stores it once.
 */
export class SubmissionKey {
  private pending: { key: string; body: string } | undefined;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for this body: the pending one if the body is unchanged, else a new one. */
  keyFor(body: unknown): string {
    const json = JSON.stringify(body);
    if (this.pending?.body !== json) this.pending = { key: this.newKey(), body: json };
    return this.pending.key;
  }

  /** Call after the server accepted the submission: the next one gets a new key. */
  done(): void {
    this.pending = undefined;
  }
}

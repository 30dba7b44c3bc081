import { appendFileSync, chmodSync, existsSync } from 'node:fs';
import type { DeadLetter } from '../../shared/core/dead-letter.js';
import type { DeadLetters } from '../../shared/core/ports.js';

/**
 * The local failure queue: one JSON line per dead letter in a file under `DATA_DIR` that only
 * this user can read, and one console line for whoever runs `npm start`. A dead letter holds
 * keys and reasons only, never tip text, contact, names or phone numbers.
 */
export class FileDeadLetters implements DeadLetters {
  readonly letters: DeadLetter[] = [];

  constructor(
    private readonly file: string | undefined,
    private readonly print: (line: string) => void = (line) => console.error(line),
  ) {}

  async put(letter: DeadLetter): Promise<void> {
    this.letters.push(letter);
    if (this.file) {
      const fresh = !existsSync(this.file);
      appendFileSync(this.file, `${JSON.stringify(letter)}\n`, { mode: 0o600 });
      if (fresh) chmodSync(this.file, 0o600);
    }
    this.print(
      letter.kind === 'alert'
        ? `[dead-letter] alert ${letter.alertId} failed after ${letter.attempts} attempt(s): ${letter.errorCode}`
        : `[dead-letter] ${letter.stream} stream: ${letter.keys.length} record(s) given up: ${letter.reason}`,
    );
  }
}

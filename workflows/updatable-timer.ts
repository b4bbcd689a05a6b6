// A durable timer whose deadline moves while it runs, after samples-typescript's updatable timer:
// handlers set `deadline`, and whoever waits sleeps until the newest one. Undefined: no deadline.
import { condition } from '@temporalio/workflow';

export class UpdatableTimer {
  #deadline: number | undefined;
  #moved = false;

  /** `name` says what the timer waits for, in the workflow's code and its stack traces. */
  constructor(readonly name: string, deadline?: number) {
    this.#deadline = deadline;
  }

  get deadline(): number | undefined {
    return this.#deadline;
  }

  set deadline(value: number | undefined) {
    if (value === this.#deadline) return;
    this.#deadline = value;
    this.#moved = true;
  }

  /** Waits until the deadline passes (true), or until `interrupt` holds (false), whichever comes first. */
  async expired(interrupt: () => boolean): Promise<boolean> {
    for (;;) {
      this.#moved = false;
      const wake = () => this.#moved || interrupt();
      const deadline = this.#deadline;
      if (deadline === undefined) await condition(wake);
      else if (deadline <= Date.now() || !(await condition(wake, deadline - Date.now()))) return true;
      if (interrupt()) return false;
    }
  }
}

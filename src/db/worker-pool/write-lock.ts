/** A FIFO lock: the main connection runs one write (or one whole transaction) at a time. */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve()

  /** Waits for the lock and returns its release function. */
  acquire(): Promise<() => void> {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const ready = this.tail.then(() => release)
    this.tail = this.tail.then(() => held)
    return ready
  }
}

package io.millrace.runtime.channel;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Parks a task's thread until there is something to do, and wakes it: producers call
 * {@link #wake} after publishing a batch, the mailbox after posting mail, the job after a
 * cancellation. One per task.
 *
 * <p><b>Memory ordering.</b> The owner sets {@code parked} (volatile) and then re-checks its
 * work sources before parking; a waker first publishes its work (with a volatile store) and
 * then reads {@code parked}. With both sides ordered this way, one of them always sees the
 * other, so no wake-up is lost. Spurious wake-ups are harmless: the owner re-checks.
 */
public final class ThreadParker {
  private volatile boolean parked;
  private volatile Thread owner;

  /** Binds the parker to the calling thread; call once from the task's thread. */
  public void bindToCurrentThread() {
    owner = Thread.currentThread();
  }

  /** Parks the owner unless {@code hasWork} is (or becomes) true before it parks. */
  public void park(BooleanSupplier hasWork) {
    parked = true;
    if (!hasWork.getAsBoolean()) {
      LockSupport.park(this);
    }
    parked = false;
  }

  /** Wakes the owner if it is parked (cheap when it is not). */
  public void wake() {
    if (parked) {
      Thread thread = owner;
      if (thread != null) {
        LockSupport.unpark(thread);
      }
    }
  }

  /** Wakes the owner whether or not it looks parked (cancellation). */
  public void wakeUnconditionally() {
    Thread thread = owner;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }
}

package com.parkora.reservation.memory;

import com.parkora.reservation.port.CommitSignal;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link CommitSignal} that {@link InMemoryStorage} raises after each commit that appended. */
final class MemoryCommitSignal implements CommitSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition raised = lock.newCondition();
  private final Runnable onClose;
  private boolean pending;

  MemoryCommitSignal(Runnable onClose) {
    this.onClose = onClose;
  }

  void raise() {
    lock.lock();
    try {
      pending = true;
      raised.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void await(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long left = timeout.toNanos();
      while (!pending && left > 0) {
        left = raised.awaitNanos(left);
      }
      pending = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void wakeUp() {
    raise();
  }

  @Override
  public void close() {
    onClose.run();
  }
}

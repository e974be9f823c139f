package com.parkora.reservation.memory;

import com.parkora.reservation.port.AnswerLog;
import com.parkora.reservation.port.KeptAnswer;

/**
 * The answer one unit of work of the embedded store keeps: applied to the keys at once (under the
 * store's lock), journaled with the unit of work's events, undone when it rolls back.
 */
final class MemoryAnswerLog implements AnswerLog {

  private final MemoryKeys keys;
  private KeptAnswer kept;
  private MemoryKeys.Entry replaced;

  MemoryAnswerLog(MemoryKeys keys) {
    this.keys = keys;
  }

  @Override
  public void keep(KeptAnswer answer) {
    rollback(); // a second answer in one unit of work replaces the first
    replaced = keys.keep(answer);
    kept = answer;
  }

  /** The answer kept, or null. */
  KeptAnswer kept() {
    return kept;
  }

  void rollback() {
    if (kept != null) {
      keys.undo(kept.key(), replaced);
      kept = null;
      replaced = null;
    }
  }
}

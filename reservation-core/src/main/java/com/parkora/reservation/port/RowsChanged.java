package com.parkora.reservation.port;

/**
 * A rebuild's progress that adds up the read-model rows rebuilds removed and wrote (over every
 * rebuild it is given to), passing everything on to another progress.
 */
public final class RowsChanged implements Storage.RebuildProgress {

  private final Storage.RebuildProgress shown;
  private long removed;
  private long written;

  public RowsChanged() {
    this(Storage.RebuildProgress.NONE);
  }

  public RowsChanged(Storage.RebuildProgress shown) {
    this.shown = shown;
  }

  @Override
  public void eventsProcessed(long processedSoFar) {
    shown.eventsProcessed(processedSoFar);
  }

  @Override
  public void rowsChanged(long removed, long written) {
    this.removed += removed;
    this.written += written;
    shown.rowsChanged(removed, written);
  }

  /** Rows the rebuilds removed: wrong, or made by no event. */
  public long removed() {
    return removed;
  }

  /** Rows the rebuilds wrote: the replacements of wrong rows, and rows the model lacked. */
  public long written() {
    return written;
  }

  /** What an operator reads: {@code read model unchanged} when every model was right. */
  @Override
  public String toString() {
    return removed == 0 && written == 0
        ? "read model unchanged"
        : "read model: " + removed + " rows removed, " + written + " written";
  }
}

package com.parkora.reservation.port;

import com.parkora.reservation.domain.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One transaction bound to one tenant. Events are written only through {@link #record} and {@link
 * #importEvent}, which project every event they store into the read model, and each refund event
 * into the refund queue, in the same transaction: no writer can append without projecting, so
 * neither is ever behind the log. All commit together or not at all.
 */
public final class UnitOfWork {

  private static final Projector PROJECTOR = new Projector();

  private final TenantId tenant;
  private final EventLog log;
  private final WritableReadModel readModel;
  private final WritableRefundQueue refunds;
  private final AnswerLog answers;
  private final Recorder recorder;

  /** A unit of work that keeps no answers: replays and rebuilds, which answer no request. */
  public UnitOfWork(
      TenantId tenant, EventLog log, WritableReadModel readModel, WritableRefundQueue refunds) {
    this(
        tenant,
        log,
        readModel,
        refunds,
        answer -> {
          throw new IllegalStateException("this unit of work keeps no answers");
        });
  }

  /**
   * Made by a store around its transaction; the store passes its own log, read model, refund queue
   * and the place where it keeps the answers of idempotent requests.
   */
  public UnitOfWork(
      TenantId tenant,
      EventLog log,
      WritableReadModel readModel,
      WritableRefundQueue refunds,
      AnswerLog answers) {
    this(tenant, log, readModel, refunds, answers, Recorder.oneByOne(log, readModel, refunds));
  }

  /**
   * As above, with the store's own way of writing what {@link #record} decided (all at once, say);
   * {@code recorder} must write to the same log, read model and queue.
   */
  public UnitOfWork(
      TenantId tenant,
      EventLog log,
      WritableReadModel readModel,
      WritableRefundQueue refunds,
      AnswerLog answers,
      Recorder recorder) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.log = Objects.requireNonNull(log, "log");
    this.readModel = Objects.requireNonNull(readModel, "readModel");
    this.refunds = Objects.requireNonNull(refunds, "refunds");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
  }

  public TenantId tenant() {
    return tenant;
  }

  /** Reads of the tenant's log. */
  public EventReader events() {
    return log;
  }

  /** Queries of the tenant's read model. */
  public ReadModel readModel() {
    return readModel;
  }

  /**
   * Appends {@code events} to a stream at {@code expectedVersion} (0 for a new one) and projects
   * each of them, through the store's {@link Recorder}. A store may send the writes later, up to
   * the commit: the exceptions below then come from {@link Storage#inTransaction} itself.
   *
   * @throws com.parkora.reservation.domain.ReservationException.Conflict when the stream moved on
   * @throws com.parkora.reservation.domain.ReservationException.SlotUnavailable when a projected
   *     row would overlap an active reservation of the same spot
   */
  public void record(UUID aggregateId, long expectedVersion, List<NewEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<ReadModelWrite> rows = new ArrayList<>(events.size());
    List<RefundWrite> refundWrites = new ArrayList<>(0);
    for (NewEvent event : events) {
      rows.add(PROJECTOR.project(event.event()));
      PROJECTOR.refundWrite(event.event()).ifPresent(refundWrites::add);
    }
    recorder.record(
        aggregateId, expectedVersion, events, new Recorder.Projection(rows, refundWrites));
  }

  /**
   * Stores an event that already has its id, version and time (an import) and projects it; answers
   * false and writes nothing when an event with that id is stored.
   */
  public boolean importEvent(StoredEvent event) {
    if (!log.importEvent(event)) {
      return false;
    }
    project(event);
    return true;
  }

  /**
   * Keeps the answer of the request whose events this unit of work records, so that they commit
   * together: a retry of the request replays the answer, never runs it a second time.
   */
  public void keepAnswer(KeptAnswer answer) {
    if (!answer.key().tenant().equals(tenant)) {
      throw new IllegalArgumentException("answer of tenant " + answer.key().tenant());
    }
    answers.keep(answer);
  }

  private void project(StoredEvent event) {
    readModel.apply(PROJECTOR.project(event.event()));
    PROJECTOR.refundWrite(event.event()).ifPresent(refunds::apply);
  }
}

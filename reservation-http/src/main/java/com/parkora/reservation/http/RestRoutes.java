package com.parkora.reservation.http;

import com.parkora.reservation.app.PaymentAdministration;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.app.UnsettledPayment;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.domain.Times;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.RefundQueue;
import com.parkora.reservation.port.RowsChanged;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.StoredAnswer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The REST paths of docs/rest.md, in the Python service's snake_case shapes. */
record RestRoutes(
    ReservationService service,
    TenantResolver tenants,
    ReadinessProbe readiness,
    HttpMetrics metrics,
    KeyedRequests keyed) {

  static final String SERVICE = "reservation-service";
  static final String VERSION = "1.0.0";

  void register(RoutesConfig routes) {
    routes.get("/", this::root);
    routes.get("/health/live", ctx -> ctx.json(health("alive")));
    routes.get("/health/ready", this::ready);
    routes.get("/stats", this::stats);
    routes.get("/admin/events/stats", this::eventStats);
    routes.post("/admin/rebuild", this::rebuild);
    routes.get("/admin/payments/unsettled", this::unsettledPayments);
  }

  private void root(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "Reservation Service API");
    body.put("version", VERSION);
    body.put("docs", "/docs");
    body.put("graphql", "/graphql");
    body.put("health", Map.of("live", "/health/live", "ready", "/health/ready"));
    body.put(
        "features",
        List.of(
            "GraphQL API for reservations",
            "CQRS/Event Sourcing pattern",
            "Multitenancy support",
            "Keycloak authentication",
            "Prometheus metrics"));
    ctx.json(body);
  }

  private void ready(Context ctx) {
    boolean ready = isReady();
    Map<String, Object> body = health(ready ? "ready" : "unhealthy");
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("store", ready ? "up" : "down");
    tenants.authCheck().ifPresent(auth -> checks.put("auth", auth));
    body.put("checks", checks);
    ctx.status(ready ? 200 : 503).json(body);
  }

  private boolean isReady() {
    return readiness.isReady();
  }

  private void stats(Context ctx) {
    StatusCounts counts = acting(ctx).stats(tenant(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total_reservations", counts.total());
    body.put("active_reservations", counts.of(ReservationStatus.CONFIRMED));
    body.put("pending_reservations", counts.of(ReservationStatus.PENDING));
    body.put("completed_reservations", counts.of(ReservationStatus.COMPLETED));
    ctx.json(body);
  }

  private void eventStats(Context ctx) {
    EventCounts counts = acting(ctx).eventStats(tenant(ctx));
    Map<String, Long> byType = new LinkedHashMap<>();
    for (EventType type : EventType.values()) {
      byType.put(type.name(), counts.byType().get(type));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total_events", counts.totalEvents());
    body.put("total_aggregates", counts.totalAggregates());
    body.put("events_by_type", byType);
    ctx.json(body);
  }

  /**
   * A failed rebuild answers the mapped error with {@code success: false} added. With an {@code
   * Idempotency-Key} it runs once per key and its answer is replayed.
   */
  private void rebuild(Context ctx) {
    String key = ctx.header(KeyedRequests.HEADER);
    if (key == null) {
      KeyedRequests.Answer answer = rebuildAnswer(ctx);
      ctx.status(answer.status()).contentType(ContentType.APPLICATION_JSON).result(answer.body());
      return;
    }
    Tenancy tenancy = tenancy(ctx);
    IdempotencyKey scoped =
        KeyedRequests.key(tenancy.require(), tenancy.actor(Tenancy.REST).subject(), key);
    keyed.answer(
        ctx,
        scoped,
        Fingerprints.rest("POST", ctx.path(), ctx.bodyAsBytes()),
        result -> new StoredAnswer(200, keyed.bytes(result)),
        recorder -> rebuildAnswer(ctx));
  }

  private KeyedRequests.Answer rebuildAnswer(Context ctx) {
    try {
      RowsChanged rows = new RowsChanged();
      long processed = acting(ctx).rebuild(tenant(ctx), rows);
      metrics.commandOutcome("rebuild", "OK");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("success", true);
      body.put("events_processed", processed);
      body.put("rows_removed", rows.removed());
      body.put("rows_written", rows.written());
      body.put("message", "Successfully rebuilt read model from " + processed + " events");
      return new KeyedRequests.Answer(200, keyed.bytes(body), Set.of());
    } catch (RuntimeException e) {
      Failure failure = ErrorMapping.classify(e);
      metrics.commandOutcome("rebuild", failure.code().name());
      Map<String, Object> body = new LinkedHashMap<>(failure.restBody());
      body.put("success", false);
      if (failure.status() == 401) {
        ctx.header("WWW-Authenticate", Failure.BEARER_CHALLENGE);
      }
      return new KeyedRequests.Answer(failure.status(), keyed.bytes(body), Set.of(failure.code()));
    }
  }

  /**
   * Charges whose outcome is unknown, waiting for {@code reservation payments settle}, and refunds
   * the payment service refused for good, waiting for {@code reservation payments refund}.
   */
  private void unsettledPayments(Context ctx) {
    PaymentAdministration admin = acting(ctx).paymentAdministration();
    TenantId tenant = tenant(ctx);
    List<Map<String, Object>> unsettled =
        admin.unsettled(tenant).stream().map(RestRoutes::unsettled).toList();
    List<Map<String, Object>> refused =
        admin.refusedRefunds(tenant).stream().map(RestRoutes::refused).toList();
    ctx.json(Map.of("unsettled", unsettled, "refused_refunds", refused));
  }

  private static Map<String, Object> refused(RefundQueue.RefusedRefund refund) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("reservation_id", refund.reservationId().toString());
    row.put("transaction_id", refund.transactionId());
    row.put("amount", refund.amount());
    row.put("attempts", refund.attempts());
    row.put("error", refund.error());
    row.put("refused_at", Times.format(refund.refusedAt()));
    return row;
  }

  private static Map<String, Object> unsettled(UnsettledPayment payment) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("reservation_id", payment.reservationId().toString());
    row.put("attempt_id", payment.attemptId().toString());
    row.put("claimed_at", Times.format(payment.claimedAt()));
    row.put("amount", payment.amount());
    row.put("status", payment.status().name());
    row.put("outcome", payment.outcomeRecorded() ? "unknown" : "no outcome recorded");
    return row;
  }

  private TenantId tenant(Context ctx) {
    return tenancy(ctx).require();
  }

  /** The service acting for the request's caller: {@code /admin/*} is the core's administration. */
  private ReservationService acting(Context ctx) {
    return service.as(tenancy(ctx).actor(Tenancy.REST));
  }

  /** Resolved once per request: the caller's token is verified once. */
  private Tenancy tenancy(Context ctx) {
    Tenancy resolved = ctx.attribute(Tenancy.class.getName());
    if (resolved == null) {
      resolved = tenants.resolve(ctx);
      ctx.attribute(Tenancy.class.getName(), resolved);
    }
    return resolved;
  }

  private static Map<String, Object> health(String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("service", SERVICE);
    body.put("version", VERSION);
    return body;
  }
}

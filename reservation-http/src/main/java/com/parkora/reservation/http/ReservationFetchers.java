package com.parkora.reservation.http;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.http.GraphQlOutput.AvailabilityOut;
import com.parkora.reservation.http.GraphQlOutput.EventOut;
import com.parkora.reservation.http.GraphQlOutput.ReservationOut;
import com.parkora.reservation.http.GraphQlOutput.StatsOut;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Thin data fetchers: read arguments, name the tenant, call {@link ReservationService} acting for
 * the caller, shape.
 */
final class ReservationFetchers {

  private final ReservationService service;
  private final HttpMetrics metrics;
  private final EventCodec codec = new EventCodec();

  ReservationFetchers(ReservationService service, HttpMetrics metrics) {
    this.service = service;
    this.metrics = metrics;
  }

  RuntimeWiring wiring() {
    return RuntimeWiring.newRuntimeWiring()
        .type(
            "Query",
            query ->
                query
                    .dataFetcher(
                        "reservations",
                        env ->
                            ReservationOut.all(
                                rows(
                                    env,
                                    () ->
                                        acting(env)
                                            .list(
                                                tenant(env),
                                                env.getArgument("status"),
                                                env.getArgument("userId"),
                                                env.getArgument("limit"),
                                                env.getArgument("offset")))))
                    .dataFetcher(
                        "reservationById",
                        env ->
                            acting(env)
                                .byId(tenant(env), env.getArgument("id"))
                                .map(ReservationOut::of)
                                .orElse(null))
                    .dataFetcher(
                        "reservationsByUser",
                        env ->
                            ReservationOut.all(
                                rows(
                                    env,
                                    () ->
                                        acting(env)
                                            .byUser(
                                                tenant(env),
                                                env.getArgument("userId"),
                                                env.<Boolean>getArgument("includeCompleted")))))
                    .dataFetcher(
                        "reservationsByParkingSpot",
                        env ->
                            ReservationOut.all(
                                rows(
                                    env,
                                    () ->
                                        acting(env)
                                            .bySpot(
                                                tenant(env),
                                                env.getArgument("parkingSpotId"),
                                                env.getArgument("startTime"),
                                                env.getArgument("endTime")))))
                    .dataFetcher(
                        "checkAvailability",
                        env ->
                            AvailabilityOut.of(
                                acting(env)
                                    .availability(
                                        tenant(env),
                                        env.getArgument("parkingSpotId"),
                                        env.getArgument("startTime"),
                                        env.getArgument("durationHours"))))
                    .dataFetcher(
                        "reservationStats", env -> StatsOut.of(acting(env).stats(tenant(env))))
                    .dataFetcher(
                        "eventsByReservation",
                        env ->
                            rows(
                                    env,
                                    () ->
                                        acting(env)
                                            .events(tenant(env), env.getArgument("reservationId")))
                                .stream()
                                .map(e -> EventOut.of(e, codec))
                                .toList())
                    .dataFetcher(
                        "reservationAt",
                        env ->
                            acting(env)
                                .stateAt(
                                    tenant(env), env.getArgument("id"), env.getArgument("asOf"))
                                .map(ReservationOut::of)
                                .orElse(null))
                    .dataFetcher(
                        "reservationHistory",
                        env ->
                            ReservationOut.all(
                                rows(
                                    env,
                                    () ->
                                        acting(env).history(tenant(env), env.getArgument("id"))))))
        .type(
            "Mutation",
            mutation ->
                mutation
                    .dataFetcher("createReservation", command("create", this::create))
                    .dataFetcher(
                        "confirmReservation",
                        command(
                            "confirm",
                            env ->
                                ReservationOut.of(
                                    acting(env)
                                        .confirm(
                                            tenant(env),
                                            env.getArgument("id"),
                                            env.getArgument("transactionId")))))
                    .dataFetcher(
                        "cancelReservation",
                        command(
                            "cancel",
                            env ->
                                ReservationOut.of(
                                    acting(env)
                                        .cancel(
                                            tenant(env),
                                            env.getArgument("id"),
                                            env.getArgument("reason")))))
                    .dataFetcher(
                        "completeReservation",
                        command(
                            "complete",
                            env ->
                                ReservationOut.of(
                                    acting(env).complete(tenant(env), env.getArgument("id")))))
                    .dataFetcher(
                        "payReservation",
                        env -> metrics.payment(acting(env).pay(tenant(env), env.getArgument("id"))))
                    .dataFetcher(
                        "deleteReservation",
                        env ->
                            metrics.deletion(
                                acting(env).delete(tenant(env), env.getArgument("id")))))
        .build();
  }

  private ReservationOut create(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    Number cost = (Number) input.get("totalCost");
    return ReservationOut.of(
        acting(env)
            .create(
                tenant(env),
                (String) input.get("userId"),
                (String) input.get("parkingSpotId"),
                (String) input.get("startTime"),
                (Integer) input.get("durationHours"),
                cost == null ? null : cost.doubleValue()));
  }

  private DataFetcher<Object> command(String name, Function<DataFetchingEnvironment, Object> body) {
    return env -> {
      try {
        Object result = body.apply(env);
        metrics.commandOutcome(name, "OK");
        return result;
      } catch (ReservationException e) {
        metrics.commandOutcome(name, e.code().name());
        throw e;
      }
    };
  }

  /** A list, loaded only while the response has room and counted against it. */
  private static <T> List<T> rows(DataFetchingEnvironment env, Supplier<List<T>> load) {
    ResponseBudget budget = env.getGraphQlContext().get(ResponseBudget.class);
    budget.ensureLeft();
    return budget.take(load.get());
  }

  private static TenantId tenant(DataFetchingEnvironment env) {
    return tenancy(env).require();
  }

  /** The service acting for the request's caller: the core decides what it may touch. */
  private ReservationService acting(DataFetchingEnvironment env) {
    return service.as(tenancy(env).actor(Tenancy.GRAPHQL));
  }

  private static Tenancy tenancy(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(Tenancy.class);
  }
}

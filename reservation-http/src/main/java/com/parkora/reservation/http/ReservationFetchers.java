package com.parkora.reservation.http;

import com.parkora.reservation.app.AnswerRecorder;
import com.parkora.reservation.app.DeleteOutcome;
import com.parkora.reservation.app.PaymentOutcome;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.http.GraphQlOutput.AvailabilityOut;
import com.parkora.reservation.http.GraphQlOutput.EventOut;
import com.parkora.reservation.http.GraphQlOutput.ReservationOut;
import com.parkora.reservation.http.GraphQlOutput.StatsOut;
import com.parkora.reservation.port.ReservationView;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                        reservations(
                            (acting, tenant, env) ->
                                acting.list(
                                    tenant,
                                    env.getArgument("status"),
                                    env.getArgument("userId"),
                                    env.getArgument("limit"),
                                    env.getArgument("offset"))))
                    .dataFetcher(
                        "reservationById",
                        reservation(
                            (acting, tenant, env) -> acting.byId(tenant, env.getArgument("id"))))
                    .dataFetcher(
                        "reservationsByUser",
                        reservations(
                            (acting, tenant, env) ->
                                acting.byUser(
                                    tenant,
                                    env.getArgument("userId"),
                                    env.<Boolean>getArgument("includeCompleted"))))
                    .dataFetcher(
                        "reservationsByParkingSpot",
                        reservations(
                            (acting, tenant, env) ->
                                acting.bySpot(
                                    tenant,
                                    env.getArgument("parkingSpotId"),
                                    env.getArgument("startTime"),
                                    env.getArgument("endTime"))))
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
                        "quote",
                        env -> {
                          tenant(env); // a data request like the others: tenancy and auth apply
                          return acting(env)
                              .quote(
                                  env.getArgument("parkingSpotId"),
                                  env.getArgument("durationHours"));
                        })
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
                        reservation(
                            (acting, tenant, env) ->
                                acting.stateAt(
                                    tenant, env.getArgument("id"), env.getArgument("asOf"))))
                    .dataFetcher(
                        "reservationHistory",
                        reservations(
                            (acting, tenant, env) ->
                                acting.history(tenant, env.getArgument("id")))))
        .type(
            "Mutation",
            mutation ->
                mutation
                    .dataFetcher(
                        "createReservation", command("create", ReservationFetchers::create))
                    .dataFetcher(
                        "confirmReservation",
                        command(
                            "confirm",
                            (acting, tenant, env) ->
                                acting.confirm(
                                    tenant,
                                    env.getArgument("id"),
                                    env.getArgument("transactionId"))))
                    .dataFetcher(
                        "cancelReservation",
                        command(
                            "cancel",
                            (acting, tenant, env) ->
                                acting.cancel(
                                    tenant, env.getArgument("id"), env.getArgument("reason"))))
                    .dataFetcher(
                        "completeReservation",
                        command(
                            "complete",
                            (acting, tenant, env) ->
                                acting.complete(tenant, env.getArgument("id"))))
                    .dataFetcher(
                        "payReservation",
                        env ->
                            answered(env, PaymentOutcome.class)
                                .orElseGet(
                                    () ->
                                        metrics.payment(
                                            acting(env).pay(tenant(env), env.getArgument("id")))))
                    .dataFetcher(
                        "deleteReservation",
                        env ->
                            answered(env, DeleteOutcome.class)
                                .orElseGet(
                                    () ->
                                        metrics.deletion(
                                            acting(env)
                                                .delete(tenant(env), env.getArgument("id"))))))
        .build();
  }

  private static ReservationView create(
      ReservationService acting, TenantId tenant, DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    Number cost = (Number) input.get("totalCost");
    return acting.create(
        tenant,
        (String) input.get("userId"),
        (String) input.get("parkingSpotId"),
        (String) input.get("startTime"),
        (Integer) input.get("durationHours"),
        cost == null ? null : cost.doubleValue());
  }

  /** A call on the service acting for the request's caller, in the request's tenant. */
  @FunctionalInterface
  private interface Call<T> {
    T on(ReservationService acting, TenantId tenant, DataFetchingEnvironment env);
  }

  /** A list of reservations, loaded as {@link #rows} allows. */
  private DataFetcher<List<ReservationOut>> reservations(Call<List<ReservationView>> call) {
    return env -> ReservationOut.all(rows(env, () -> call.on(acting(env), tenant(env), env)));
  }

  /** One reservation, or null when there is none. */
  private DataFetcher<ReservationOut> reservation(Call<Optional<ReservationView>> call) {
    return env -> call.on(acting(env), tenant(env), env).map(ReservationOut::of).orElse(null);
  }

  /**
   * A command's fetcher: given an {@link AnsweredResult} in the context, it gives that back instead
   * of running the command, so {@link FlatQueries} may answer it flat (it answers no other
   * mutation).
   */
  @FunctionalInterface
  interface Command extends DataFetcher<ReservationOut> {}

  /** A command on one reservation, its outcome counted by name. */
  private Command command(String name, Call<ReservationView> call) {
    return env -> {
      AnsweredResult answered = env.getGraphQlContext().get(AnsweredResult.class);
      if (answered != null) {
        // a keyed command's kept result is its view, a flat mutation's the row it answered
        Object outcome = answered.outcome();
        return outcome instanceof ReservationView view
            ? ReservationOut.of(view)
            : (ReservationOut) outcome;
      }
      try {
        ReservationOut result = ReservationOut.of(call.on(acting(env), tenant(env), env));
        metrics.commandOutcome(name, "OK");
        return result;
      } catch (ReservationException e) {
        metrics.commandOutcome(name, e.code().name());
        throw e;
      }
    };
  }

  /**
   * The result a keyed command already answered, when the answer it keeps is being rendered (the
   * document runs again over that result, nothing is called).
   */
  private static <T> Optional<T> answered(DataFetchingEnvironment env, Class<T> type)
      throws Exception {
    AnsweredResult answered = env.getGraphQlContext().get(AnsweredResult.class);
    return answered == null ? Optional.empty() : Optional.of(type.cast(answered.outcome()));
  }

  /**
   * A command's outcome, put in the GraphQL context so that graphql-java renders its answer without
   * running it again: the result a keyed command kept, or what a mutation answered flat gave (its
   * row, or the exception it threw, thrown again by {@link #outcome}).
   */
  record AnsweredResult(Object value, Exception failure) {

    AnsweredResult(Object value) {
      this(value, null);
    }

    static AnsweredResult failed(Exception failure) {
      return new AnsweredResult(null, failure);
    }

    /** The result, or the failure thrown again. */
    Object outcome() throws Exception {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
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

  /**
   * The service acting for the request's caller: the core decides what it may touch. A keyed
   * request's commands keep their answer through its recorder.
   */
  private ReservationService acting(DataFetchingEnvironment env) {
    AnswerRecorder recorder =
        env.getGraphQlContext().getOrDefault(AnswerRecorder.class, AnswerRecorder.NONE);
    return service.as(tenancy(env).actor(Tenancy.GRAPHQL)).answering(recorder);
  }

  private static Tenancy tenancy(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(Tenancy.class);
  }
}

package com.parkora.reservation.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.ReservationService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP face of the reservation service: GraphQL (docs/graphql.md), the REST paths (§2), tenancy
 * (§3), documentation pages, metrics and CORS, as one Javalin app.
 *
 * <pre>{@code
 * Javalin app = HttpApi.create(service, HttpSettings.builder().defaultTenant(tenant).build());
 * app.start(8000);
 * }</pre>
 */
public final class HttpApi {

  private HttpApi() {}

  /** Builds the app, configured but not started. */
  public static Javalin create(ReservationService service, HttpSettings settings) {
    ObjectMapper json = new ObjectMapper();
    HttpMetrics metrics = new HttpMetrics(settings.meterRegistry());
    TenantResolver tenants =
        new TenantResolver(
            settings.callerResolver(), settings.defaultTenant(), settings.authMode());
    GraphQlEngine engine =
        new GraphQlEngine(
            new ReservationFetchers(service, metrics).wiring(),
            settings.maxQueryDepth(),
            settings.maxQueryComplexity());
    GraphQlEndpoint graphQl =
        new GraphQlEndpoint(engine, tenants, metrics, json, settings.maxBodyBytes());
    RestRoutes rest = new RestRoutes(service, tenants, settings.readiness(), metrics);
    DocsRoutes docs = new DocsRoutes(json, settings.meterRegistry());
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.maxRequestSize = settings.maxBodyBytes();
          config.startup.showJavalinBanner = false;
          config.staticFiles.enableWebjars();
          cors(config, settings.corsOrigins());
          config.requestLogger.http(
              (ctx, millis) ->
                  metrics.request(
                      ctx.method().name(),
                      routeOf(ctx),
                      ctx.statusCode(),
                      Duration.ofNanos((long) (millis * 1_000_000))));
          RequestIds.register(config.routes);
          rest.register(config.routes);
          docs.register(config.routes);
          config.routes.post("/graphql", graphQl::handle);
          config.routes.exception(Exception.class, HttpApi::restError);
          config.routes.exception(HttpResponseException.class, HttpApi::restError);
        });
  }

  /** REST failures, Javalin's own (404, 413, ...) included, as {@code {"error", "message"}}. */
  private static void restError(Exception e, Context ctx) {
    Failure failure = ErrorMapping.classify(e);
    failure.applyTo(ctx);
    ctx.json(failure.restBody());
  }

  private static void cors(JavalinConfig config, List<String> origins) {
    config.bundledPlugins.enableCors(
        cors ->
            cors.addRule(
                rule -> {
                  if (origins.isEmpty()) {
                    rule.anyHost();
                    return;
                  }
                  rule.allowHost(
                      origins.getFirst(),
                      origins.subList(1, origins.size()).toArray(String[]::new));
                  rule.allowCredentials = true;
                }));
  }

  /** The matched route pattern, so that ids in paths do not multiply the series. */
  private static String routeOf(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    return ctx.path().startsWith("/webjars/") ? "/webjars/*" : "unmatched";
  }
}

package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.parkora.reservation.app.ReservationService;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The HTTP face of the reservation service: GraphQL (docs/graphql.md), the REST paths
 * (docs/rest.md), tenancy (docs/tenancy.md), documentation pages, metrics and CORS, as one Javalin
 * app.
 *
 * <pre>{@code
 * Javalin app = HttpApi.create(service, HttpSettings.builder().defaultTenant(tenant).build());
 * app.start(8000);
 * }</pre>
 */
public final class HttpApi {

  /** The slowest a request body may arrive; real bodies are a few KiB sent at once. */
  static final long MIN_REQUEST_BYTES_PER_SECOND = 512;

  /**
   * Requests in flight that get a platform thread where the JVM sees more than one CPU, the rest a
   * virtual thread ({@link RequestThreads}): 64 requests in flight at a few milliseconds each is a
   * backlog already. Where it sees one CPU (a pod limited to less than a core, such as 200m), every
   * request runs on a virtual thread: there the request threads share the quota with the JIT
   * compilers, and eight platform threads running requests left the compilers so little that the
   * pod served 227 creates/s after three minutes against 429 with virtual threads, whose one
   * carrier runs one request at a time (bench/README.md).
   */
  static final int PLATFORM_THREADS = 64;

  /** How long a request may wait for the client's next bytes. */
  static final Duration IO_IDLE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The listen backlog: connections the kernel completes and holds until Jetty accepts them (the
   * JDK's default is 50). The service caps no connection count itself (requests beyond the platform
   * threads run on virtual threads, a silent connection is dropped after {@link #IO_IDLE_TIMEOUT}),
   * so a burst of connections opening at once waits here; 1024 holds a few times the 300 slow
   * clients that overflowed the default. The kernel clamps it to {@code net.core.somaxconn}.
   */
  static final int ACCEPT_QUEUE_SIZE = 1024;

  /**
   * Sets of JSON buffers kept for reuse (tens of KiB each): more than the usual requests in flight.
   */
  static final int JSON_BUFFERS = 32;

  /**
   * The gzip level of answers to clients that accept gzip (every browser): the fastest. Javalin's
   * default, 6, cost a browser's 50-row page 1.9x the CPU of the same page unzipped; level 1 keeps
   * most of the bytes saved (bench/README.md).
   */
  static final int GZIP_LEVEL = 1;

  private HttpApi() {}

  /**
   * Request bodies are read strictly: a key repeated in one object is refused, not resolved. The
   * parsers' and generators' buffers come from one pool of {@link #JSON_BUFFERS}: Jackson's default
   * pool is per thread, and a request beyond the platform threads runs on a new virtual thread, so
   * it would allocate them anew for each; an unbounded pool would keep as many as the most requests
   * ever served at once. A character beyond the basic plane (an emoji in a spot's name) is written
   * as its UTF-8 bytes by every generator: by default the one that writes bytes (flat answers) gave
   * the escapes of its two halves where the one that writes text gave the character, so the same
   * answer had two spellings.
   */
  static ObjectMapper jsonMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newBoundedPool(JSON_BUFFERS))
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    return JsonMapper.builder(factory).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  /** Builds the app, configured but not started. */
  public static Javalin create(ReservationService service, HttpSettings settings) {
    ObjectMapper json = jsonMapper();
    HttpMetrics metrics = new HttpMetrics(settings.meterRegistry());
    TenantResolver tenants =
        new TenantResolver(
            settings.callerResolver(), settings.defaultTenant(), settings.authMode());
    GraphQlEngine engine =
        new GraphQlEngine(
            new ReservationFetchers(service, metrics).wiring(),
            settings.maxQueryDepth(),
            settings.maxQueryComplexity(),
            ResponseBudget.MAX_ROWS,
            json.getFactory());
    KeyedRequests keyed = new KeyedRequests(service.idempotency(), json);
    GraphQlEndpoint graphQl =
        new GraphQlEndpoint(
            engine, tenants, metrics, GraphQlRequest.reader(json), settings.maxBodyBytes(), keyed);
    ReadinessProbe readiness =
        new ReadinessProbe(() -> service.isReady() && settings.readiness().getAsBoolean());
    RestRoutes rest = new RestRoutes(service, tenants, readiness, metrics, keyed);
    DocsRoutes docs = new DocsRoutes(json, settings.meterRegistry());
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.maxRequestSize = settings.maxBodyBytes();
          config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(GZIP_LEVEL));
          slowClients(config);
          acceptQueue(config);
          config.startup.showJavalinBanner = false;
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
          new WebjarRoutes().register(config.routes);
          config.routes.post("/graphql", graphQl::handle);
          config.routes.exception(Exception.class, HttpApi::restError);
          config.routes.exception(HttpResponseException.class, HttpApi::restError);
        });
  }

  /**
   * Slow clients cannot starve the others: beyond the pool's platform threads each request runs on
   * a virtual thread (one blocked on a body that trickles in costs a few KiB), a body that arrives
   * slower than {@link #MIN_REQUEST_BYTES_PER_SECOND} fails its read, and a connection silent for
   * {@link #IO_IDLE_TIMEOUT} during a request is dropped.
   */
  private static void slowClients(JavalinConfig config) {
    if (Runtime.getRuntime().availableProcessors() > 1) {
      config.jetty.threadPool = new RequestThreads(PLATFORM_THREADS);
    } else {
      config.concurrency.useVirtualThreads = true;
    }
    config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IO_IDLE_TIMEOUT.toMillis()));
    config.jetty.modifyServer(
        server ->
            server.insertHandler(new MinimumDataRateHandler(MIN_REQUEST_BYTES_PER_SECOND, 0)));
  }

  /** Sizes the backlog of every connector Javalin adds, before the server opens them. */
  private static void acceptQueue(JavalinConfig config) {
    config.jetty.modifyServer(
        server ->
            server.addEventListener(
                new LifeCycle.Listener() {
                  @Override
                  public void lifeCycleStarting(LifeCycle event) {
                    for (var connector : server.getConnectors()) {
                      if (connector instanceof ServerConnector network) {
                        network.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                      }
                    }
                  }
                }));
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

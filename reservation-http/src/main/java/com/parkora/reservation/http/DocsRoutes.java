package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;

/**
 * Documentation and operations paths: Swagger UI, ReDoc, the OpenAPI document, GraphiQL, metrics.
 */
final class DocsRoutes {

  static final String OPENAPI_RESOURCE = "openapi.yaml";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * The pages may load nothing from elsewhere: ReDoc's menu, for one, links a logo image on a CDN,
   * which this policy keeps the browser from fetching.
   */
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' "
          + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
          + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'self'";

  private final WebPages pages = new WebPages();
  private final String openApiJson;
  private final PrometheusMeterRegistry registry;

  DocsRoutes(ObjectMapper json, PrometheusMeterRegistry registry) {
    this.openApiJson = openApiJson(json);
    this.registry = registry;
  }

  void register(RoutesConfig routes) {
    routes.get("/docs", ctx -> page(ctx, pages.swaggerUi));
    routes.get("/redoc", ctx -> page(ctx, pages.redoc));
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApiJson));
    routes.get("/graphql", this::graphiql);
    routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
  }

  /** Browsers get GraphiQL; anything else is told to POST. */
  private void graphiql(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/html")) {
      page(ctx, pages.graphiql);
      return;
    }
    Failure failure =
        ErrorMapping.invalidInput(
            400,
            "Send GraphQL operations as POST /graphql with a JSON body; GET serves GraphiQL to browsers");
    ctx.status(failure.status()).json(failure.graphQlBody());
  }

  private static void page(Context ctx, String html) {
    ctx.header("Content-Security-Policy", PAGE_POLICY).html(html);
  }

  private static String openApiJson(ObjectMapper json) {
    try {
      JsonNode document =
          new YAMLMapper().readTree(WebPages.resource(DocsRoutes.class, OPENAPI_RESOURCE));
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

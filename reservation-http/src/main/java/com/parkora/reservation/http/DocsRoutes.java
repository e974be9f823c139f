package com.parkora.reservation.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;

/** Documentation and operations paths: Swagger UI, ReDoc, the OpenAPI document, GraphiQL, metrics. */
final class DocsRoutes {

  static final String OPENAPI_RESOURCE = "openapi.yaml";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final WebPages pages = new WebPages();
  private final String openApiJson;
  private final PrometheusMeterRegistry registry;

  DocsRoutes(ObjectMapper json, PrometheusMeterRegistry registry) {
    this.openApiJson = openApiJson(json);
    this.registry = registry;
  }

  void register(RoutesConfig routes) {
    routes.get("/docs", ctx -> ctx.html(pages.swaggerUi));
    routes.get("/redoc", ctx -> ctx.html(pages.redoc));
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApiJson));
    routes.get("/graphql", this::graphiql);
    routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
  }

  /** Browsers get GraphiQL; anything else is told to POST. */
  private void graphiql(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/html")) {
      ctx.html(pages.graphiql);
      return;
    }
    Failure failure = ErrorMapping.invalidInput(400,
        "Send GraphQL operations as POST /graphql with a JSON body; GET serves GraphiQL to browsers");
    ctx.status(failure.status()).json(failure.graphQlBody());
  }

  private static String openApiJson(ObjectMapper json) {
    try {
      JsonNode document = new YAMLMapper().readTree(WebPages.resource(DocsRoutes.class,
          OPENAPI_RESOURCE));
      return json.writeValueAsString(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

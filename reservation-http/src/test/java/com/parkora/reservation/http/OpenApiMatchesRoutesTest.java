package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The design-first {@code openapi.yaml} names exactly the routes the app registers. */
class OpenApiMatchesRoutesTest {

  private static final Set<String> DOCUMENTED_METHODS =
      Set.of("get", "post", "put", "patch", "delete");

  @Test
  void every_registered_route_is_documented_and_every_documented_path_is_registered() {
    try (RunningApi api = RunningApi.inMemory()) {
      JsonNode paths = api.get("/openapi.json", Map.of()).json().path("paths");

      assertThat(registered(api)).isEqualTo(documented(paths)).isNotEmpty();
    }
  }

  @Test
  void every_post_declares_the_idempotency_key_it_honours() {
    try (RunningApi api = RunningApi.inMemory()) {
      JsonNode paths = api.get("/openapi.json", Map.of()).json().path("paths");

      Set<String> posts = new TreeSet<>();
      Set<String> keyed = new TreeSet<>();
      for (Map.Entry<String, JsonNode> path : paths.properties()) {
        JsonNode post = path.getValue().path("post");
        if (post.isMissingNode()) {
          continue;
        }
        posts.add(path.getKey());
        post.path("parameters")
            .forEach(
                p -> {
                  if (p.path("$ref").asText().endsWith("/" + "IdempotencyKey")) {
                    keyed.add(path.getKey());
                  }
                });
      }
      assertThat(keyed).isEqualTo(posts).contains("/graphql", "/admin/rebuild");
    }
  }

  private static Set<String> registered(RunningApi api) {
    Set<String> routes = new TreeSet<>();
    api.app
        .unsafe
        .internalRouter
        .allHttpHandlers()
        .forEach(
            parsed -> {
              Endpoint endpoint = parsed.endpoint;
              HandlerType method = endpoint.method;
              if (method.isHttpMethod()
                  && DOCUMENTED_METHODS.contains(method.name().toLowerCase())) {
                // Javalin's <name> (slashes allowed) is OpenAPI's {name}
                routes.add(method.name() + " " + endpoint.path.replaceAll("<(\\w+)>", "{$1}"));
              }
            });
    return routes;
  }

  private static Set<String> documented(JsonNode paths) {
    Set<String> routes = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                if (DOCUMENTED_METHODS.contains(method)) {
                  routes.add(method.toUpperCase() + " " + path.getKey());
                }
              });
    }
    return routes;
  }
}

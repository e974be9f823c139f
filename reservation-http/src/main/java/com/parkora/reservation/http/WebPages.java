package com.parkora.reservation.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The browser pages (GraphiQL, Swagger UI, ReDoc): HTML templates from this jar whose {@code
 * ${artifact}} placeholders become the versions of the webjars on the class path, so the pages load
 * every asset from {@code /webjars/...} on this server and nothing from the internet.
 */
final class WebPages {

  private static final Map<String, String> WEBJARS =
      Map.of(
          "graphiql", "org.webjars.npm",
          "react", "org.webjars.npm",
          "react-dom", "org.webjars.npm",
          "swagger-ui", "org.webjars",
          "redoc", "org.webjars.npm");

  final String graphiql;
  final String swaggerUi;
  final String redoc;

  WebPages() {
    this.graphiql = render("graphiql.html");
    this.swaggerUi = render("swagger-ui.html");
    this.redoc = render("redoc.html");
  }

  private static String render(String template) {
    String page = resource(WebPages.class, template);
    for (Map.Entry<String, String> webjar : WEBJARS.entrySet()) {
      page =
          page.replace("${" + webjar.getKey() + "}", version(webjar.getValue(), webjar.getKey()));
    }
    return page;
  }

  private static String version(String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = WebPages.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "webjar missing from the class path: " + group + ":" + artifact);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package com.parkora.reservation.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.MimeTypes;

/**
 * The webjars' files (GraphiQL, React, Swagger UI, ReDoc) under {@code /webjars/...}, read through
 * the class loader. Jetty's static file handler would mount the whole jar as a zip file system for
 * this, and keep an index of every entry of the service's jar per mount (about 28 MiB of a 128 MiB
 * heap for the 25,000 entries); the class loader reads the one entry asked for.
 */
final class WebjarRoutes {

  private static final String ROOT = "META-INF/resources/webjars/";

  /** The paths carry the webjar's version, so an answer never changes. */
  private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

  void register(RoutesConfig routes) {
    routes.get("/webjars/<path>", this::serve);
  }

  private void serve(Context ctx) {
    String path = ctx.pathParam("path");
    InputStream file = safe(path).map(WebjarRoutes::open).orElse(null);
    if (file == null) {
      throw new NotFoundResponse("No such file: /webjars/" + path);
    }
    String type = MimeTypes.DEFAULTS.getMimeByExtension(path);
    ctx.contentType(type == null ? "application/octet-stream" : type);
    ctx.header("Cache-Control", CACHE_FOREVER);
    ctx.result(file);
  }

  /** A relative path of plain segments: nothing that could leave the webjars' folder. */
  private static Optional<String> safe(String path) {
    if (path.isEmpty() || path.endsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  /** The file's content, or null when there is none (a folder of a jar is not a file). */
  private static InputStream open(String path) {
    URL url = WebjarRoutes.class.getClassLoader().getResource(ROOT + path);
    if (url == null) {
      return null;
    }
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory()) {
        return null;
      }
      if (url.getProtocol().equals("file") && Files.isDirectory(Path.of(url.toURI()))) {
        return null;
      }
      return connection.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a class path URL that is not a URI: " + url, e);
    }
  }
}

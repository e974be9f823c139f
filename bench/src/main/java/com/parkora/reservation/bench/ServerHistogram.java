package com.parkora.reservation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own latency histogram of one GraphQL operation, read from {@code /metrics}
 * (Prometheus buckets): server-side latency, free of the load generator's share of the CPU.
 */
final class ServerHistogram {

  private final Map<Double, Long> cumulative;

  private ServerHistogram(Map<Double, Long> cumulative) {
    this.cumulative = cumulative;
  }

  static ServerHistogram scrape(String baseUrl, String operation)
      throws IOException, InterruptedException {
    return scrape(baseUrl, "graphql_operations_seconds_bucket", "operation=\"" + operation + "\"");
  }

  /** The buckets of histogram {@code bucketName} whose labels contain {@code labelFilter}. */
  static ServerHistogram scrape(String baseUrl, String bucketName, String labelFilter)
      throws IOException, InterruptedException {
    String text = metrics(baseUrl);
    Pattern bucket =
        Pattern.compile("^" + bucketName + "\\{([^}]*)\\} ([0-9.eE+]+)$", Pattern.MULTILINE);
    Map<Double, Long> counts = new TreeMap<>();
    Matcher m = bucket.matcher(text);
    while (m.find()) {
      String labels = m.group(1);
      if (!labels.contains(labelFilter)) {
        continue;
      }
      Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
      if (le.find()) {
        double bound =
            le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
        counts.merge(bound, (long) Double.parseDouble(m.group(2)), Long::sum);
      }
    }
    return new ServerHistogram(counts);
  }

  /**
   * The sum of every series of the metric {@code name} (all label sets) on {@code /metrics}; NaN
   * when the service does not export it.
   */
  static double sum(String baseUrl, String name) throws IOException, InterruptedException {
    String text = metrics(baseUrl);
    Matcher m =
        Pattern.compile("^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(text);
    double total = Double.NaN;
    while (m.find()) {
      total = (Double.isNaN(total) ? 0 : total) + Double.parseDouble(m.group(1));
    }
    return total;
  }

  /** The service's {@code /metrics} page, in Prometheus' text format. */
  static String metrics(String baseUrl) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * The upper bound, in milliseconds, of the bucket holding the given percentile of the requests
   * recorded between {@code before} and this scrape: an upper bound of the true percentile.
   */
  double percentileMillisSince(ServerHistogram before, double percentile) {
    long total = delta(before, Double.POSITIVE_INFINITY);
    if (total == 0) {
      throw new IllegalStateException("the service recorded no request of that operation");
    }
    for (Map.Entry<Double, Long> entry : cumulative.entrySet()) {
      if (delta(before, entry.getKey()) >= Math.ceil(total * percentile / 100.0)) {
        return entry.getKey() * 1000.0;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private long delta(ServerHistogram before, double bound) {
    return cumulative.getOrDefault(bound, 0L) - before.cumulative.getOrDefault(bound, 0L);
  }
}

package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GraphiQL, Swagger UI and ReDoc render in headless Chromium with every request going through a
 * recording loopback proxy: each page shows its UI, a screenshot is saved under {@code
 * target/screenshots}, and no request was for a host outside this machine.
 */
class BrowserPagesTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static RunningApi api;
  private static RecordingProxy proxy;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      fail("Chromium is required for this test: install it with `apt-get install -y chromium`");
    }
    Files.createDirectories(SCREENSHOTS);
    api = RunningApi.inMemory();
    proxy = new RecordingProxy();
  }

  @AfterAll
  static void stop() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "graphiql, /graphql, graphiql-container",
    "swagger-ui, /docs, opblock",
    "redoc, /redoc, api-content"
  })
  void the_page_renders_offline_in_headless_chromium(String name, String path, String rootMarkup)
      throws Exception {
    int before = proxy.requestedHosts().size();
    String url = api.uri(path).toString();

    String dom = chromium(name + "-dom", List.of("--dump-dom", url));
    Path screenshot = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
    chromium(name + "-shot", List.of("--screenshot=" + screenshot, "--window-size=1280,900", url));

    assertThat(dom).as("rendered DOM of " + path).contains(rootMarkup);
    assertThat(screenshot).exists();
    assertThat(distinctColours(screenshot)).as("a screenshot that is not blank").isGreaterThan(8);
    List<String> hosts = proxy.requestedHosts().subList(before, proxy.requestedHosts().size());
    assertThat(hosts).as("requests went through the recording proxy").isNotEmpty();
    assertThat(hosts).as("the page and its assets came from this server").contains("127.0.0.1");
    if (name.equals("graphiql")) {
      assertThat(api.get("/metrics", java.util.Map.of()).body())
          .as("GraphiQL loaded the schema")
          .contains(
              "graphql_operations_seconds_count{operation=\"IntrospectionQuery\",outcome=\"OK\"}");
    }
    assertThat(hosts)
        .as("hosts requested, beyond Chromium's own services")
        .allMatch(host -> RecordingProxy.isLoopback(host) || isChromiumService(host));
  }

  /**
   * Chromium's own background services (component updater, sign-in, autofill), which it contacts at
   * start-up whatever the page, even with the background-networking switches. They are not the
   * page's requests, and the proxy refuses them like any other outside host, so they never leave
   * the machine either. The pages' Content-Security-Policy would block such hosts anyway.
   */
  private static boolean isChromiumService(String host) {
    return host.equals("google.com")
        || host.endsWith(".google.com")
        || host.endsWith(".googleapis.com")
        || host.endsWith(".gvt1.com");
  }

  private static String chromium(String run, List<String> arguments) throws Exception {
    Path profile = Files.createTempDirectory("chromium-" + run);
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--disable-client-side-phishing-detection",
                "--disable-domain-reliability",
                "--no-pings",
                "--disable-breakpad",
                "--metrics-recording-only",
                "--disable-field-trial-config",
                "--no-default-browser-check",
                "--disable-component-extensions-with-background-pages",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
                    + "CertificateTransparencyComponentUpdater,OptimizationGuideModelDownloading",
                "--user-data-dir=" + profile,
                "--proxy-server=http://127.0.0.1:" + proxy.port(),
                "--proxy-bypass-list=<-loopback>",
                "--virtual-time-budget=15000",
                "--run-all-compositor-stages-before-draw"));
    command.addAll(arguments);
    Path output = Files.createTempFile("chromium-" + run, ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within 90 s: " + command);
    }
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  private static int distinctColours(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}

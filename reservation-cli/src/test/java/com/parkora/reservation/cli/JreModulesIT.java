package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The container image's runtime is made by jlink from the modules in deploy/image/jre-modules:
 * every module jdeps finds the packaged jar needs must be in that list, or the image fails at run
 * time with a NoClassDefFoundError. Runs in {@code verify}, after {@code package} built the jar.
 */
class JreModulesIT {

  static final Path MODULES = Path.of("..", "deploy", "image", "jre-modules");

  /** The Java release of the image's runtime (the Dockerfile's JDK). */
  static final int IMAGE_RELEASE = 25;

  @Test
  void the_image_runtime_has_every_module_jdeps_finds_the_jar_needs() throws IOException {
    assertThat(PackagedJarIT.JAR).exists();
    Set<String> needed = jdepsModules(PackagedJarIT.JAR);

    assertThat(needed).as("jdeps found no module at all").contains("java.base");
    assertThat(listed(MODULES))
        .as("modules jdeps finds the jar needs; add the missing ones to %s", MODULES)
        .containsAll(needed);
  }

  static Set<String> listed(Path file) throws IOException {
    Set<String> modules = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      String module = line.replaceFirst("#.*", "").strip();
      if (!module.isEmpty()) {
        modules.add(module);
      }
    }
    return modules;
  }

  private static Set<String> jdepsModules(Path jar) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in JDK"));
    int release = Math.min(IMAGE_RELEASE, Runtime.version().feature());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "--print-module-deps",
            "--ignore-missing-deps",
            "--multi-release",
            Integer.toString(release),
            jar.toString());
    assertThat(exit).as("jdeps failed: %s%s", out, err).isZero();
    String[] lines = out.toString().strip().split("\\R");
    return new TreeSet<>(Arrays.asList(lines[lines.length - 1].strip().split(",")));
  }
}

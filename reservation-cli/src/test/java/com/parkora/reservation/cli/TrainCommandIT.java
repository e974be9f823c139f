package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's training run as the Dockerfile makes it: the packaged jar's {@code train}
 * with the production JVM options (bin/jvm.options) writes an ahead-of-time cache, and a JVM
 * started with those options and that cache uses it ({@code -XX:AOTMode=on} refuses to start
 * otherwise), maps it where it was written (bin/jvm.options says why) and warns about nothing. On a
 * JDK before 25 (no AOT cache) only the training itself is checked.
 */
class TrainCommandIT {

  static final Path JVM_OPTIONS = Path.of("..", "bin", "jvm.options").toAbsolutePath();

  @TempDir Path work;

  @Test
  void training_books_on_the_embedded_store_and_writes_a_cache_a_later_start_uses()
      throws Exception {
    boolean aot = Runtime.version().feature() >= 25;
    Path cache = work.resolve("reservation.aot");
    Path temporary = Files.createDirectory(work.resolve("tmp"));
    List<String> training = new ArrayList<>(List.of("-Djava.io.tmpdir=" + temporary));
    if (aot) {
      training.add("-XX:AOTCacheOutput=" + cache);
    }
    training.addAll(List.of("-jar", jar(), "train", "--rounds", "5"));

    String trained = run(training);

    assertThat(trained).contains("training: ", " requests answered, serve exited 0");
    assertThat(temporary).as("the training's embedded store is deleted").isEmptyDirectory();
    if (aot) {
      assertThat(cache).isNotEmptyFile();
      String started =
          run(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-jar", jar(), "version"));
      assertThat(started).contains("reservation ").doesNotContain("[aot]");
      // mapped where it was written: its pages stay the file's instead of private copies
      String mapped =
          run(
              List.of(
                  "-XX:AOTCache=" + cache,
                  "-XX:AOTMode=on",
                  "-Xlog:aot",
                  "-jar",
                  jar(),
                  "version"));
      assertThat(mapped)
          .contains("ArchiveRelocationMode: 0")
          .doesNotContain("at an alternative address");
    }
  }

  private String run(List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("@" + JVM_OPTIONS);
    command.addAll(arguments);
    Process process =
        CliProcess.inWorkDir(new ProcessBuilder(command), work, Map.of())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static String jar() {
    return PackagedJarIT.JAR.toAbsolutePath().toString();
  }
}

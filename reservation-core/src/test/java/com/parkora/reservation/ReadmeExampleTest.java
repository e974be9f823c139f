package com.parkora.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core README's embedding example compiles and prints what the README says. */
class ReadmeExampleTest {

  @TempDir Path work;

  @Test
  void the_embedding_example_in_the_readme_compiles_and_runs() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block =
        Pattern.compile("## Embedding the core.*?```java\\n(.*?)```", Pattern.DOTALL)
            .matcher(readme);
    assertThat(block.find()).as("a java block under 'Embedding the core'").isTrue();
    Path source = work.resolve("EmbeddingExample.java");
    Files.writeString(source, block.group(1));

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null,
            null,
            null,
            "-d",
            work.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            source.toString());
    assertThat(status).as("javac exit status").isZero();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      loader
          .loadClass("EmbeddingExample")
          .getMethod("main", String[].class)
          .invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(List.of(out.toString(StandardCharsets.UTF_8).strip().split("\\R")))
        .containsExactly("CONFIRMED");
  }
}

package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The environment variables the code reads are exactly those of docs/configuration.md and of
 * .env.example, each with the default the code applies. The set and the defaults come from the code
 * ({@link Config#from} and {@link LogSetup#formatOf} report every read), never from a list kept
 * here.
 */
class ConfigurationDocsTest {

  private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
  private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$");
  private static final String UNSET = "unset";

  @Test
  void the_docs_and_the_example_name_exactly_the_variables_the_code_reads() {
    Map<String, String> documented = documentedDefaults();
    Map<String, String> example = exampleValues();

    assertThat(documented.keySet())
        .as("variables of docs/configuration.md against those the code reads")
        .containsExactlyInAnyOrderElementsOf(codeDefaults().keySet());
    assertThat(example.keySet())
        .as("variables of .env.example against those the code reads")
        .containsExactlyInAnyOrderElementsOf(codeDefaults().keySet());
  }

  @Test
  void each_documented_default_is_the_codes_and_the_examples() {
    Map<String, String> documented = documentedDefaults();
    Map<String, String> example = exampleValues();
    List<Object> unset = read(Map.of());
    List<String> wrong = new ArrayList<>();
    codeDefaults()
        .forEach(
            (name, fallback) -> {
              String doc = documented.get(name);
              if (doc == null) {
                return; // the other test names it
              }
              if (hasNone(fallback) != doc.isEmpty()) {
                wrong.add(
                    name + ": the docs say " + shown(doc) + ", the code's default is " + fallback);
              } else if (!doc.isEmpty() && !read(Map.of(name, doc)).equals(unset)) {
                wrong.add(name + ": the docs' default " + doc + " is not the code's " + fallback);
              }
              if (example.containsKey(name) && !doc.equals(example.get(name))) {
                wrong.add(
                    name
                        + ": .env.example has '"
                        + example.get(name)
                        + "', the docs "
                        + shown(doc));
              }
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void the_process_environment_is_read_in_one_place() {
    List<String> readers =
        RepositoryFiles.withSuffix(".java").stream()
            .filter(p -> p.toString().contains("/src/main/"))
            .filter(p -> !p.startsWith(RepositoryFiles.root().resolve("bench")))
            .filter(p -> RepositoryFiles.read(p).contains("System.getenv("))
            .map(p -> p.getFileName().toString())
            .toList();
    assertThat(readers)
        .as(
            "the service reads its environment through Config (bench/ is a harness, not the service)")
        .containsExactly("CliContext.java");
  }

  /** Every variable the code reads, with its default (null: none). */
  private static Map<String, Object> codeDefaults() {
    Map<String, Object> reads = new LinkedHashMap<>();
    read(new EnvironmentSettings(Map.of(), reads::put));
    assertThat(reads).isNotEmpty();
    return reads;
  }

  private static List<Object> read(Map<String, String> env) {
    return read(new EnvironmentSettings(env));
  }

  /**
   * What the process makes of its environment: the log format (read before the first logger) and
   * the configuration of every command.
   */
  private static List<Object> read(EnvironmentSettings env) {
    return List.of(LogSetup.formatOf(env), Config.from(env));
  }

  private static boolean hasNone(Object fallback) {
    return fallback == null
        || fallback instanceof Optional<?> o && o.isEmpty()
        || fallback instanceof Collection<?> c && c.isEmpty();
  }

  /**
   * The Default column of docs/configuration.md per variable: the value in backticks, or empty for
   * "unset". A row naming several variables gives their defaults in order, comma-separated.
   */
  private static Map<String, String> documentedDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    int nameColumn = -1;
    int defaultColumn = -1;
    for (String line : lines("docs/configuration.md")) {
      if (!line.startsWith("|")) {
        nameColumn = -1; // a table ended; only the one headed Variable/Default is read
        continue;
      }
      List<String> cells = cells(line);
      if (cells.contains("Variable") && cells.contains("Default")) {
        nameColumn = cells.indexOf("Variable");
        defaultColumn = cells.indexOf("Default");
        continue;
      }
      if (nameColumn < 0 || line.startsWith("|-") || line.startsWith("|:")) {
        continue;
      }
      List<String> names = RepositoryFiles.matches(NAME, cells.get(nameColumn));
      List<String> values = splitOutsideCode(cells.get(defaultColumn));
      assertThat(values)
          .as("one default per variable in the row of %s", names)
          .hasSameSizeAs(names);
      for (int i = 0; i < names.size(); i++) {
        defaults.put(names.get(i), value(names.get(i), values.get(i)));
      }
    }
    assertThat(defaults).as("the table of docs/configuration.md").isNotEmpty();
    return defaults;
  }

  private static String value(String name, String cell) {
    if (cell.startsWith(UNSET)) {
      return "";
    }
    Matcher code = Pattern.compile("`([^`]*)`").matcher(cell);
    assertThat(code.find())
        .as("the default of %s is `value` or unset, got '%s'", name, cell)
        .isTrue();
    return code.group(1);
  }

  private static Map<String, String> exampleValues() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines(".env.example")) {
      Matcher m = ASSIGNMENT.matcher(line.trim());
      if (m.matches()) {
        values.put(m.group(1), m.group(2).trim());
      }
    }
    return values;
  }

  private static List<String> lines(String file) {
    return RepositoryFiles.read(RepositoryFiles.root().resolve(Path.of(file))).lines().toList();
  }

  private static List<String> cells(String row) {
    String inner = row.trim().replaceAll("^\\|", "").replaceAll("\\|$", "");
    return splitOutside(inner, '|');
  }

  private static List<String> splitOutsideCode(String cell) {
    return splitOutside(cell, ',');
  }

  /** Splits at {@code separator} where it is not inside a code span; trims the parts. */
  private static List<String> splitOutside(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean inCode = false;
    for (char c : text.toCharArray()) {
      if (c == '`') {
        inCode = !inCode;
      }
      if (c == separator && !inCode) {
        parts.add(part.toString().trim());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString().trim());
    return parts;
  }

  private static String shown(String doc) {
    return doc.isEmpty() ? UNSET : doc;
  }
}

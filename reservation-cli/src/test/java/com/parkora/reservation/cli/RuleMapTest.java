package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table "Where each rule lives" names, for each rule, one file and what to look for in
 * it: the file exists and holds every name the table puts in backticks.
 */
class RuleMapTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final String SOURCES = "src/main/java/com/parkora/reservation/";

  @Test
  void every_rule_is_found_in_the_file_the_readme_names() {
    Path root = RepositoryFiles.root();
    List<String> rows = table(RepositoryFiles.read(root.resolve("README.md")));
    assertThat(rows).as("rows of the table 'Where each rule lives'").hasSizeGreaterThan(10);
    List<String> missing = new ArrayList<>();
    for (String row : rows) {
      String[] cells = row.split("\\|");
      List<String> where = codes(cells[2]);
      Path file =
          where.size() == 2
              ? root.resolve("reservation-" + where.get(0)).resolve(SOURCES + where.get(1))
              : root.resolve(where.get(0));
      if (!Files.isRegularFile(file)) {
        missing.add(cells[1].trim() + ": no file " + root.relativize(file));
        continue;
      }
      String text = RepositoryFiles.read(file);
      for (String name : codes(cells[3])) {
        if (!text.contains(name)) {
          missing.add(cells[1].trim() + ": no " + name + " in " + root.relativize(file));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** The body rows of the table under the heading "Where each rule lives". */
  private static List<String> table(String readme) {
    List<String> rows = new ArrayList<>();
    boolean inSection = false;
    for (String line : readme.lines().toList()) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Where each rule lives");
      } else if (inSection && line.startsWith("| ") && !line.startsWith("| Rule |")) {
        rows.add(line);
      }
    }
    return rows;
  }

  private static List<String> codes(String cell) {
    return RepositoryFiles.matches(CODE, cell);
  }
}

package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the repository's Markdown (the README, docs/, the modules' READMEs)
 * reaches a file inside the repository, and its {@code #anchor} a heading of that file, named by
 * GitHub's rules.
 */
class MarkdownLinksTest {

  private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?");
  private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

  @Test
  void every_relative_link_reaches_a_file_and_a_heading() {
    Path root = RepositoryFiles.root();
    List<String> broken = new ArrayList<>();
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<Path> pages = RepositoryFiles.withSuffix(".md");
    assertThat(pages).contains(root.resolve("README.md"), root.resolve("docs/configuration.md"));
    for (Path page : pages) {
      List<String> lines = prose(RepositoryFiles.read(page), true);
      for (int i = 0; i < lines.size(); i++) {
        for (String target : targets(lines.get(i))) {
          String problem = check(root, page, target, anchors);
          if (problem != null) {
            broken.add(
                root.relativize(page) + ":" + (i + 1) + ": " + target + " (" + problem + ")");
          }
        }
      }
    }
    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  @Test
  void anchors_follow_githubs_rules() {
    assertThat(
            anchorsOf(
                "# Authorization (beyond the Python service)\n## The payment service's events\n"))
        .contains("authorization-beyond-the-python-service", "the-payment-services-events");
    assertThat(anchorsOf("## `X-Tenant-ID` and [tokens](x.md)\n## A_b: c.d\n## A_b: c.d\n"))
        .contains("x-tenant-id-and-tokens", "a_b-cd", "a_b-cd-1");
  }

  private static String check(Path root, Path page, String target, Map<Path, Set<String>> anchors) {
    if (SCHEME.matcher(target).find()) {
      return null; // a web address or mail, not a file of the repository
    }
    int hash = target.indexOf('#');
    String path =
        URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path file =
        path.isEmpty()
            ? page
            : (path.startsWith("/")
                    ? root.resolve(path.substring(1))
                    : page.getParent().resolve(path))
                .normalize();
    if (!file.startsWith(root)) {
      return "outside the repository";
    }
    if (!Files.exists(file)) {
      return "no such file";
    }
    if (anchor == null || !file.toString().endsWith(".md")) {
      return null;
    }
    Set<String> known = anchors.computeIfAbsent(file, f -> anchorsOf(RepositoryFiles.read(f)));
    String wanted = URLDecoder.decode(anchor, StandardCharsets.UTF_8).toLowerCase();
    return known.contains(wanted) ? null : "no heading #" + anchor + " in " + root.relativize(file);
  }

  /** The anchors GitHub gives a page: one per heading, numbered when repeated, and HTML anchors. */
  static Set<String> anchorsOf(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(markdown, false)) {
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1).toLowerCase());
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(2));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    return anchors;
  }

  /** GitHub's slug: the heading's text, lower case, without punctuation, spaces as hyphens. */
  private static String slug(String heading) {
    String text =
        heading
            .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1") // a link keeps its text
            .replaceAll("<[^>]+>", "") // HTML tags
            .replace("`", "");
    return text.toLowerCase().replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
  }

  /** The lines outside fenced code blocks (blank inside them), inline code blanked if asked. */
  private static List<String> prose(String markdown, boolean blankCode) {
    List<String> lines = new ArrayList<>();
    boolean inFence = false;
    for (String line : markdown.split("\n", -1)) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        lines.add("");
      } else {
        lines.add(inFence ? "" : blankCode ? line.replaceAll("`[^`]*`", "``") : line);
      }
    }
    return lines;
  }

  private static List<String> targets(String line) {
    List<String> targets = new ArrayList<>(RepositoryFiles.matches(INLINE, line));
    Matcher reference = REFERENCE.matcher(line);
    if (reference.find()) {
      targets.add(reference.group(1));
    }
    return targets;
  }
}

package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of the README and of {@code docs/} are quoted from compiled code: each
 * {@code ```java} block is followed by a line naming its source file ({@code Source: `path`}),
 * and its lines must appear, in order and contiguously, in that file (indentation ignored).
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern SOURCE = Pattern.compile("Source: `([^`]+\\.java)`");

  record Snippet(Path doc, int line, List<String> code, String source) {}

  @Test
  void everyJavaSnippetIsQuotedFromTheSourceFileItNames() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    for (Path doc : docs) {
      snippets.addAll(snippetsOf(doc));
    }
    assertThat(snippets).isNotEmpty();
    for (Snippet snippet : snippets) {
      String where = ROOT.relativize(snippet.doc()) + ":" + snippet.line();
      assertThat(snippet.source()).as("the source line after the snippet at %s", where).isNotNull();
      Path source = ROOT.resolve(snippet.source());
      assertThat(source).as("the source of the snippet at %s", where).exists();
      List<String> sourceLines = Files.readAllLines(source).stream().map(String::strip).toList();
      assertThat(containsInOrder(sourceLines, snippet.code()))
          .as("the snippet at %s is a verbatim quote of %s", where, snippet.source())
          .isTrue();
    }
  }

  private static List<Snippet> snippetsOf(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      List<String> code = lines.subList(start, end).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
      String source = null;
      for (int j = end + 1; j < Math.min(lines.size(), end + 4) && source == null; j++) {
        Matcher matcher = SOURCE.matcher(lines.get(j));
        if (matcher.find()) {
          source = matcher.group(1);
        }
      }
      snippets.add(new Snippet(doc, start, code, source));
      i = end;
    }
    return snippets;
  }

  /** Whether {@code code} (blank lines dropped) occurs contiguously in {@code source} (blank lines dropped). */
  private static boolean containsInOrder(List<String> source, List<String> code) {
    List<String> nonBlank = source.stream().filter(l -> !l.isEmpty()).toList();
    return java.util.Collections.indexOfSubList(nonBlank, code) >= 0;
  }
}

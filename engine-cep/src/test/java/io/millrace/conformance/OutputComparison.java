package io.millrace.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The README's comparison rule: a file matches when it holds the same multiset of JSON objects;
 * line order and key order do not matter, numbers compare as integers. Each line is reduced to a
 * canonical text (top-level fields in the README's order, nested object fields by name, numbers
 * as plain integers) and the two multisets of texts are compared.
 */
final class OutputComparison {
  private OutputComparison() {}

  /** The README's field order; other fields follow by name. */
  private static final List<String> FIELD_ORDER = List.of("op", "key", "id", "left", "right", "start", "end",
      "timer", "wm", "ts", "count", "sum", "min", "max", "ids", "leftIds", "rightIds", "match", "partial");

  /** A human-readable difference of {@code expected} and {@code actual}, or null when they match. */
  static String difference(List<JsonNode> expected, List<JsonNode> actual) {
    Map<String, Integer> remaining = new TreeMap<>();
    for (JsonNode line : actual) {
      remaining.merge(canonical(line, true), 1, Integer::sum);
    }
    List<String> missing = new ArrayList<>();
    for (JsonNode line : expected) {
      String text = canonical(line, true);
      Integer count = remaining.get(text);
      if (count == null) {
        missing.add(text);
      } else if (count == 1) {
        remaining.remove(text);
      } else {
        remaining.put(text, count - 1);
      }
    }
    List<String> unexpected = new ArrayList<>();
    remaining.forEach((text, count) -> {
      for (int i = 0; i < count; i++) {
        unexpected.add(text);
      }
    });
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return null;
    }
    StringBuilder message = new StringBuilder();
    message.append(expected.size()).append(" lines expected, ").append(actual.size()).append(" produced; ")
        .append(missing.size()).append(" missing, ").append(unexpected.size()).append(" unexpected");
    append(message, "missing (expected, not produced)", missing);
    append(message, "unexpected (produced, not expected)", unexpected);
    return message.toString();
  }

  private static void append(StringBuilder message, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    message.append("\n  ").append(title).append(':');
    for (String line : lines) {
      message.append("\n    ").append(line);
    }
  }

  /** The canonical text of a JSON value. */
  static String canonical(JsonNode node, boolean topLevel) {
    if (node.isObject()) {
      TreeSet<String> names = new TreeSet<>(topLevel ? OutputComparison::compareTopLevel : String::compareTo);
      Iterator<String> fieldNames = node.fieldNames();
      fieldNames.forEachRemaining(names::add);
      StringBuilder text = new StringBuilder("{");
      for (String name : names) {
        if (text.length() > 1) {
          text.append(',');
        }
        text.append(quote(name)).append(':').append(canonical(node.get(name), false));
      }
      return text.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(canonical(node.get(i), false));
      }
      return text.append(']').toString();
    }
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue().stripTrailingZeros();
      return number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
    }
    return node.toString();
  }

  private static int compareTopLevel(String a, String b) {
    int rankA = FIELD_ORDER.indexOf(a);
    int rankB = FIELD_ORDER.indexOf(b);
    rankA = rankA < 0 ? FIELD_ORDER.size() : rankA;
    rankB = rankB < 0 ? FIELD_ORDER.size() : rankB;
    return rankA != rankB ? Integer.compare(rankA, rankB) : a.compareTo(b);
  }

  private static String quote(String name) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(name).toString();
  }
}

package io.millrace.conformance;

import java.util.Set;

/** The {@code window} object of a window, windowJoin or coGroup operator. */
sealed interface WindowSpec {

  /** {@code TumblingEventTimeWindows.of(size, offset)}. */
  record Tumbling(long sizeMs, long offsetMs) implements WindowSpec {}

  /** {@code SlidingEventTimeWindows.of(size, slide, offset)}. */
  record Sliding(long sizeMs, long slideMs, long offsetMs) implements WindowSpec {}

  /** {@code EventTimeSessionWindows.withGap(gap)}. */
  record Session(long gapMs) implements WindowSpec {}

  /** {@code countWindow(size)} when {@code slide} is null, else {@code countWindow(size, slide)}. */
  record Count(long size, Long slide) implements WindowSpec {}

  static WindowSpec parse(JsonObject window) {
    String type = window.string("type");
    return switch (type) {
      case "tumbling" -> {
        window.allowOnly(Set.of("type", "sizeMs", "offsetMs"));
        yield new Tumbling(window.integer("sizeMs"), window.integer("offsetMs", 0));
      }
      case "sliding" -> {
        window.allowOnly(Set.of("type", "sizeMs", "slideMs", "offsetMs"));
        yield new Sliding(window.integer("sizeMs"), window.integer("slideMs"), window.integer("offsetMs", 0));
      }
      case "session" -> {
        window.allowOnly(Set.of("type", "gapMs"));
        yield new Session(window.integer("gapMs"));
      }
      case "count" -> {
        window.allowOnly(Set.of("type", "size", "slide"));
        yield new Count(window.integer("size"), window.has("slide") ? window.integer("slide") : null);
      }
      default -> throw new ScenarioFormatException(
          window.path() + ".type must be tumbling, sliding, session or count, got \"" + type + "\"");
    };
  }

  /** A window of a two-stream operator: time windows only. */
  static WindowSpec parseTimeWindow(JsonObject window) {
    WindowSpec spec = parse(window);
    if (spec instanceof Count) {
      throw new ScenarioFormatException(window.path() + ": windowJoin and coGroup take time windows only");
    }
    return spec;
  }
}

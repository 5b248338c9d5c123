package io.millrace.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario's {@code spec.json}: the sources, the key and the operators reading the keyed
 * stream, as the conformance README specifies them.
 *
 * @param description what the scenario tests
 * @param channels source channels (subtasks) of each stream
 * @param watermarks how each channel generates watermarks after an event
 * @param keyBy the event field both streams are keyed by
 * @param operators the operators, each reading the keyed stream(s) independently
 */
record ScenarioSpec(
    String description, int channels, WatermarkSpec watermarks, KeyField keyBy, List<OperatorSpec> operators) {

  /** Whether an operator reads the right stream too. */
  boolean hasTwoStreamOperator() {
    return operators.stream().anyMatch(OperatorSpec::readsTwoStreams);
  }

  /** Whether any operator has a late side output (so {@code expected-late.jsonl} must exist). */
  boolean hasLateSideOutput() {
    return operators.stream().anyMatch(OperatorSpec::lateSideOutput);
  }

  /** Whether any operator has a CEP timeout side output ({@code expected-timeout.jsonl}). */
  boolean hasTimeoutSideOutput() {
    return operators.stream().anyMatch(op -> op instanceof OperatorSpec.Cep cep && cep.timeoutSideOutput());
  }

  static ScenarioSpec parse(JsonObject spec) {
    spec.allowOnly(Set.of("description", "source", "keyBy", "operators"));
    int channels = 1;
    WatermarkSpec watermarks = new WatermarkSpec(WatermarkSpec.Kind.EXPLICIT, 0);
    if (spec.has("source")) {
      JsonObject source = spec.object("source").allowOnly(Set.of("channels", "watermarks"));
      long channelCount = source.integer("channels", 1);
      if (channelCount < 1 || channelCount > 64) {
        throw new ScenarioFormatException(source.path() + ".channels must be in 1..64, got " + channelCount);
      }
      channels = (int) channelCount;
      if (source.has("watermarks")) {
        watermarks = WatermarkSpec.parse(source.object("watermarks"));
      }
    }
    KeyField keyBy = KeyField.parse(spec.string("keyBy", "key"), spec.path() + ".keyBy");
    List<OperatorSpec> operators = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonObject operator : spec.objects("operators")) {
      OperatorSpec parsed = OperatorSpec.parse(operator);
      if (!ids.add(parsed.id())) {
        throw new ScenarioFormatException(operator.path() + ".id \"" + parsed.id() + "\" is not unique");
      }
      operators.add(parsed);
    }
    if (operators.isEmpty()) {
      throw new ScenarioFormatException(spec.path() + ".operators must name at least one operator");
    }
    return new ScenarioSpec(spec.string("description", ""), channels, watermarks, keyBy, List.copyOf(operators));
  }

  /**
   * The watermark generator of every source channel (README, "Time", rule 1).
   *
   * @param kind the generator
   * @param maxDelayMs the delay of {@code boundedOutOfOrderness}, 0 otherwise
   */
  record WatermarkSpec(Kind kind, long maxDelayMs) implements java.io.Serializable {

    /** The three generators of the format. */
    enum Kind {
      EXPLICIT,
      MONOTONOUS,
      BOUNDED_OUT_OF_ORDERNESS
    }

    static WatermarkSpec parse(JsonObject watermarks) {
      String type = watermarks.string("type");
      return switch (type) {
        case "explicit" -> {
          watermarks.allowOnly(Set.of("type"));
          yield new WatermarkSpec(Kind.EXPLICIT, 0);
        }
        case "monotonous" -> {
          watermarks.allowOnly(Set.of("type"));
          yield new WatermarkSpec(Kind.MONOTONOUS, 0);
        }
        case "boundedOutOfOrderness" -> {
          watermarks.allowOnly(Set.of("type", "maxDelayMs"));
          long delay = watermarks.integer("maxDelayMs");
          if (delay < 0) {
            throw new ScenarioFormatException(watermarks.path() + ".maxDelayMs must not be negative, got " + delay);
          }
          yield new WatermarkSpec(Kind.BOUNDED_OUT_OF_ORDERNESS, delay);
        }
        default -> throw new ScenarioFormatException(watermarks.path()
            + ".type must be explicit, monotonous or boundedOutOfOrderness, got \"" + type + "\"");
      };
    }
  }

  /** The event field the streams are keyed by. */
  enum KeyField {
    KEY,
    TYPE;

    static KeyField parse(String name, String path) {
      return switch (name) {
        case "key" -> KEY;
        case "type" -> TYPE;
        default -> throw new ScenarioFormatException(path + " must be \"key\" or \"type\", got \"" + name + "\"");
      };
    }

    String of(Event event) {
      return this == KEY ? event.key() : event.type();
    }
  }
}

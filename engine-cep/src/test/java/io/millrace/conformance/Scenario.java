package io.millrace.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.conformance.InputLine.EventLine;
import io.millrace.conformance.InputLine.Stream;
import io.millrace.conformance.InputLine.WatermarkLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario folder, read and checked: the spec, the input lines in arrival order and the
 * golden output of every file the spec produces.
 *
 * @param name the folder's name
 * @param spec the parsed {@code spec.json}
 * @param input the event and watermark lines of {@code input.jsonl}, comments dropped
 * @param expected the golden lines of each output file the spec produces
 */
record Scenario(String name, ScenarioSpec spec, List<InputLine> input, Map<OutputFile, List<JsonNode>> expected) {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> EVENT_FIELDS = Set.of("id", "key", "ts", "value", "type", "channel", "stream");
  private static final Set<String> WATERMARK_FIELDS = Set.of("watermark", "channel", "stream");

  static Scenario load(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    ScenarioSpec spec = ScenarioSpec.parse(new JsonObject(readJson(dir.resolve("spec.json")), "spec.json"));
    List<InputLine> input = readInput(dir.resolve("input.jsonl"), spec);
    Map<OutputFile, List<JsonNode>> expected = new EnumMap<>(OutputFile.class);
    for (OutputFile file : OutputFile.values()) {
      Path path = dir.resolve(file.fileName);
      boolean produced = switch (file) {
        case MAIN -> true;
        case LATE -> spec.hasLateSideOutput();
        case TIMEOUT -> spec.hasTimeoutSideOutput();
      };
      if (produced != Files.exists(path)) {
        throw new ScenarioFormatException(name + ": " + file.fileName + (produced
            ? " is missing, but the spec produces it (an empty file means: must stay empty)"
            : " exists, but no operator of the spec produces it"));
      }
      if (produced) {
        expected.put(file, readLines(path));
      }
    }
    return new Scenario(name, spec, List.copyOf(input), expected);
  }

  private static JsonNode readJson(Path path) throws IOException {
    try {
      return JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ScenarioFormatException(path + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The non-blank lines of a JSON-lines file, each parsed. */
  static List<JsonNode> readLines(Path path) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        nodes.add(JSON.readTree(lines.get(i)));
      } catch (JsonProcessingException e) {
        throw new ScenarioFormatException(
            path.getFileName() + ":" + (i + 1) + " is not valid JSON: " + e.getOriginalMessage(), e);
      }
    }
    return nodes;
  }

  private static List<InputLine> readInput(Path path, ScenarioSpec spec) throws IOException {
    List<InputLine> input = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    List<JsonNode> lines = readLines(path);
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = new JsonObject(lines.get(i), "input.jsonl line " + (i + 1) + " " + lines.get(i));
      if (line.has("comment")) {
        line.allowOnly(Set.of("comment"));
        continue;
      }
      Stream stream = stream(line, spec);
      int channel = channel(line, spec);
      if (line.has("watermark")) {
        line.allowOnly(WATERMARK_FIELDS);
        input.add(new WatermarkLine(line.integer("watermark"), stream, channel));
      } else {
        line.allowOnly(EVENT_FIELDS);
        Event event = new Event(line.integer("id"), line.string("key"), line.integer("ts"),
            line.integer("value", 0), line.string("type", ""));
        if (!ids.add(event.id())) {
          throw new ScenarioFormatException(line.path() + ": id " + event.id() + " is not unique");
        }
        input.add(new EventLine(event, stream, channel));
      }
    }
    return input;
  }

  private static Stream stream(JsonObject line, ScenarioSpec spec) {
    String stream = line.string("stream", "left");
    return switch (stream) {
      case "left" -> Stream.LEFT;
      case "right" -> {
        if (!spec.hasTwoStreamOperator()) {
          throw new ScenarioFormatException(line.path()
              + ": a right-stream line in a scenario without a windowJoin, coGroup or intervalJoin operator");
        }
        yield Stream.RIGHT;
      }
      default -> throw new ScenarioFormatException(line.path() + ": stream must be left or right, got " + stream);
    };
  }

  private static int channel(JsonObject line, ScenarioSpec spec) {
    long channel = line.integer("channel", 0);
    if (channel < 0 || channel >= spec.channels()) {
      throw new ScenarioFormatException(
          line.path() + ": channel must be in 0.." + (spec.channels() - 1) + " (source.channels), got " + channel);
    }
    return (int) channel;
  }

  /** The lines of {@code stream}, one list per channel, each in arrival order. */
  List<List<InputLine>> channelsOf(Stream stream) {
    List<List<InputLine>> channels = new ArrayList<>();
    for (int i = 0; i < spec.channels(); i++) {
      channels.add(new ArrayList<>());
    }
    for (InputLine line : input) {
      if (line.stream() == stream) {
        channels.get(line.channel()).add(line);
      }
    }
    return channels;
  }
}

package io.millrace.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a scenario strictly: a missing required field, a field
 * of the wrong kind or a field the format does not know fails with the field's path, so that a
 * typo in a scenario never silently turns into a default.
 */
final class JsonObject {
  private final JsonNode node;
  private final String path;

  JsonObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new ScenarioFormatException(path + " must be a JSON object, got " + node);
    }
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  /** Fails if the object has a field outside {@code allowed}. */
  JsonObject allowOnly(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ScenarioFormatException(
            path + " has the unknown field \"" + name + "\"; the fields allowed here are " + allowed);
      }
    }
    return this;
  }

  String string(String field) {
    JsonNode value = required(field);
    if (!value.isTextual()) {
      throw new ScenarioFormatException(path + "." + field + " must be a string, got " + value);
    }
    return value.asText();
  }

  String string(String field, String defaultValue) {
    return has(field) ? string(field) : defaultValue;
  }

  long integer(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new ScenarioFormatException(path + "." + field + " must be an integer (long), got " + value);
    }
    return value.asLong();
  }

  long integer(String field, long defaultValue) {
    return has(field) ? integer(field) : defaultValue;
  }

  boolean bool(String field, boolean defaultValue) {
    if (!has(field)) {
      return defaultValue;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw new ScenarioFormatException(path + "." + field + " must be true or false, got " + value);
    }
    return value.asBoolean();
  }

  JsonObject object(String field) {
    return new JsonObject(required(field), path + "." + field);
  }

  /** The elements of an array field, each an object. */
  List<JsonObject> objects(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw new ScenarioFormatException(path + "." + field + " must be an array, got " + value);
    }
    List<JsonObject> objects = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      objects.add(new JsonObject(value.get(i), path + "." + field + "[" + i + "]"));
    }
    return objects;
  }

  /** The elements of an array field, each a string. */
  List<String> strings(String field) {
    JsonNode value = required(field);
    if (!value.isArray()) {
      throw new ScenarioFormatException(path + "." + field + " must be an array, got " + value);
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw new ScenarioFormatException(path + "." + field + " must hold strings only, got " + element);
      }
      strings.add(element.asText());
    }
    return strings;
  }

  private JsonNode required(String field) {
    if (!has(field)) {
      throw new ScenarioFormatException(path + " lacks the required field \"" + field + "\"");
    }
    return node.get(field);
  }
}

package io.millrace.conformance;

import io.millrace.cep.pattern.conditions.SimpleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A condition of the scenario format (README, "Operator cep"): a comparison of an event field
 * with a value, or an {@code and}, {@code or} or {@code not} of conditions. A
 * {@link SimpleCondition} of the public CEP API.
 */
sealed interface EventCondition extends SimpleCondition<Event> {

  static EventCondition parse(JsonObject condition) {
    if (condition.has("and") || condition.has("or")) {
      String kind = condition.has("and") ? "and" : "or";
      condition.allowOnly(Set.of(kind));
      List<EventCondition> parts = new ArrayList<>();
      for (JsonObject part : condition.objects(kind)) {
        parts.add(parse(part));
      }
      if (parts.isEmpty()) {
        throw new ScenarioFormatException(condition.path() + "." + kind + " must hold at least one condition");
      }
      return kind.equals("and") ? new All(List.copyOf(parts)) : new Any(List.copyOf(parts));
    }
    if (condition.has("not")) {
      condition.allowOnly(Set.of("not"));
      return new Not(parse(condition.object("not")));
    }
    condition.allowOnly(Set.of("field", "op", "value"));
    String field = condition.string("field");
    Op op = Op.parse(condition.string("op"), condition.path() + ".op");
    return switch (field) {
      case "id", "ts", "value" -> new NumberComparison(field, op, condition.integer("value"));
      case "key", "type" -> new StringComparison(field, op, condition.string("value"));
      default -> throw new ScenarioFormatException(condition.path() + ".field must be id, ts, value, key or type, got \"" + field + "\"");
    };
  }

  /** The comparison operators. */
  enum Op {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    static Op parse(String symbol, String path) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new ScenarioFormatException(path + " must be ==, !=, <, <=, > or >=, got \"" + symbol + "\"");
    }

    boolean holds(int comparison) {
      return switch (this) {
        case EQ -> comparison == 0;
        case NE -> comparison != 0;
        case LT -> comparison < 0;
        case LE -> comparison <= 0;
        case GT -> comparison > 0;
        case GE -> comparison >= 0;
      };
    }
  }

  /** A numeric field compared with a number. */
  record NumberComparison(String field, Op op, long value) implements EventCondition {
    @Override
    public boolean filter(Event event) {
      long actual = switch (field) {
        case "id" -> event.id();
        case "ts" -> event.ts();
        default -> event.value();
      };
      return op.holds(Long.compare(actual, value));
    }
  }

  /** A string field compared with a string. */
  record StringComparison(String field, Op op, String value) implements EventCondition {
    @Override
    public boolean filter(Event event) {
      String actual = field.equals("key") ? event.key() : event.type();
      return op.holds(actual.compareTo(value));
    }
  }

  /** All parts hold. */
  record All(List<EventCondition> parts) implements EventCondition {
    @Override
    public boolean filter(Event event) throws Exception {
      for (EventCondition part : parts) {
        if (!part.filter(event)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Some part holds. */
  record Any(List<EventCondition> parts) implements EventCondition {
    @Override
    public boolean filter(Event event) throws Exception {
      for (EventCondition part : parts) {
        if (part.filter(event)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The part does not hold. */
  record Not(EventCondition part) implements EventCondition {
    @Override
    public boolean filter(Event event) throws Exception {
      return !part.filter(event);
    }
  }
}

package io.millrace.conformance;

import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.WithinType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code pattern} of a {@code cep} operator (README, "Operator cep"): the stages in order,
 * the after-match skip strategy and the window; builds the {@link Pattern} with the public API,
 * applying each stage's options in the README's order (quantifier, consecutive,
 * allowCombinations, until, optional, greedy).
 *
 * @param skip the after-match skip strategy
 * @param withinMs the window in ms, or 0 for none
 * @param withinType the window's type
 * @param stages the stages, first to last
 */
record CepSpec(AfterMatchSkipStrategy skip, long withinMs, WithinType withinType, List<Stage> stages) {

  /** The contiguity of a stage to the one before it (the Flink method appending it). */
  enum Contiguity {
    NEXT("next"),
    FOLLOWED_BY("followedBy"),
    FOLLOWED_BY_ANY("followedByAny"),
    NOT_NEXT("notNext"),
    NOT_FOLLOWED_BY("notFollowedBy");

    final String method;

    Contiguity(String method) {
      this.method = method;
    }

    static Contiguity parse(String name, String path) {
      for (Contiguity contiguity : values()) {
        if (contiguity.method.equals(name)) {
          return contiguity;
        }
      }
      throw new ScenarioFormatException(path + " must be next, followedBy, followedByAny, notNext or notFollowedBy, got \"" + name + "\"");
    }
  }

  /**
   * A quantifier: {@code oneOrMore}, {@code times} (exactly {@code from}, or {@code from} to
   * {@code to}) or {@code timesOrMore}.
   */
  record Quantifier(String type, int from, int to) {}

  /**
   * One stage.
   *
   * @param contiguity null for the first stage
   * @param quantifier null for a single-event stage
   * @param until null if none
   */
  record Stage(String name, Contiguity contiguity, EventCondition where, Quantifier quantifier, boolean consecutive,
      boolean allowCombinations, EventCondition until, boolean optional, boolean greedy) {}

  static CepSpec parse(JsonObject pattern) {
    pattern.allowOnly(Set.of("afterMatchSkip", "withinMs", "withinType", "stages"));
    AfterMatchSkipStrategy skip = AfterMatchSkipStrategy.noSkip();
    if (pattern.has("afterMatchSkip")) {
      skip = parseSkip(pattern.object("afterMatchSkip"));
    }
    long withinMs = pattern.integer("withinMs", 0);
    if (withinMs < 0) {
      throw new ScenarioFormatException(pattern.path() + ".withinMs must not be negative, got " + withinMs);
    }
    String withinTypeName = pattern.string("withinType", "FIRST_AND_LAST");
    WithinType withinType;
    try {
      withinType = WithinType.valueOf(withinTypeName);
    } catch (IllegalArgumentException e) {
      throw new ScenarioFormatException(pattern.path() + ".withinType must be FIRST_AND_LAST or PREVIOUS_AND_CURRENT, got \""
          + withinTypeName + "\"", e);
    }
    List<Stage> stages = new ArrayList<>();
    List<JsonObject> stageObjects = pattern.objects("stages");
    if (stageObjects.isEmpty()) {
      throw new ScenarioFormatException(pattern.path() + ".stages must hold at least one stage");
    }
    for (int i = 0; i < stageObjects.size(); i++) {
      stages.add(parseStage(stageObjects.get(i), i == 0));
    }
    return new CepSpec(skip, withinMs, withinType, List.copyOf(stages));
  }

  private static AfterMatchSkipStrategy parseSkip(JsonObject skip) {
    String strategy = skip.string("strategy");
    return switch (strategy) {
      case "noSkip" -> {
        skip.allowOnly(Set.of("strategy"));
        yield AfterMatchSkipStrategy.noSkip();
      }
      case "skipToNext" -> {
        skip.allowOnly(Set.of("strategy"));
        yield AfterMatchSkipStrategy.skipToNext();
      }
      case "skipPastLastEvent" -> {
        skip.allowOnly(Set.of("strategy"));
        yield AfterMatchSkipStrategy.skipPastLastEvent();
      }
      case "skipToFirst" -> {
        skip.allowOnly(Set.of("strategy", "stage"));
        yield AfterMatchSkipStrategy.skipToFirst(skip.string("stage"));
      }
      case "skipToLast" -> {
        skip.allowOnly(Set.of("strategy", "stage"));
        yield AfterMatchSkipStrategy.skipToLast(skip.string("stage"));
      }
      default -> throw new ScenarioFormatException(skip.path()
          + ".strategy must be noSkip, skipToNext, skipPastLastEvent, skipToFirst or skipToLast, got \"" + strategy + "\"");
    };
  }

  private static Stage parseStage(JsonObject stage, boolean first) {
    stage.allowOnly(Set.of("name", "contiguity", "where", "quantifier", "consecutive", "allowCombinations", "until",
        "optional", "greedy"));
    Contiguity contiguity = null;
    if (first) {
      if (stage.has("contiguity")) {
        throw new ScenarioFormatException(stage.path() + ": the first stage has no contiguity (it is Pattern.begin)");
      }
    } else {
      contiguity = Contiguity.parse(stage.string("contiguity"), stage.path() + ".contiguity");
    }
    Quantifier quantifier = null;
    if (stage.has("quantifier")) {
      quantifier = parseQuantifier(stage.object("quantifier"));
    }
    EventCondition until = stage.has("until") ? EventCondition.parse(stage.object("until")) : null;
    return new Stage(stage.string("name"), contiguity, EventCondition.parse(stage.object("where")), quantifier,
        stage.bool("consecutive", false), stage.bool("allowCombinations", false), until, stage.bool("optional", false),
        stage.bool("greedy", false));
  }

  private static Quantifier parseQuantifier(JsonObject quantifier) {
    String type = quantifier.string("type");
    return switch (type) {
      case "oneOrMore" -> {
        quantifier.allowOnly(Set.of("type"));
        yield new Quantifier(type, 1, 1);
      }
      case "timesOrMore" -> {
        quantifier.allowOnly(Set.of("type", "n"));
        int n = (int) quantifier.integer("n");
        yield new Quantifier(type, n, n);
      }
      case "times" -> {
        quantifier.allowOnly(Set.of("type", "n", "from", "to"));
        if (quantifier.has("n")) {
          if (quantifier.has("from") || quantifier.has("to")) {
            throw new ScenarioFormatException(quantifier.path() + ": times takes n, or from and to, not both");
          }
          int n = (int) quantifier.integer("n");
          yield new Quantifier(type, n, n);
        }
        yield new Quantifier("timesRange", (int) quantifier.integer("from"), (int) quantifier.integer("to"));
      }
      default -> throw new ScenarioFormatException(quantifier.path() + ".type must be oneOrMore, times or timesOrMore, got \""
          + type + "\"");
    };
  }

  /** The pattern, built with the public API as the README says. */
  Pattern<Event, ?> build() {
    Pattern<Event, Event> pattern = null;
    for (Stage stage : stages) {
      if (pattern == null) {
        pattern = Pattern.begin(stage.name(), skip);
      } else {
        pattern = switch (stage.contiguity()) {
          case NEXT -> pattern.next(stage.name());
          case FOLLOWED_BY -> pattern.followedBy(stage.name());
          case FOLLOWED_BY_ANY -> pattern.followedByAny(stage.name());
          case NOT_NEXT -> pattern.notNext(stage.name());
          case NOT_FOLLOWED_BY -> pattern.notFollowedBy(stage.name());
        };
      }
      pattern.where(stage.where());
      if (stage.quantifier() != null) {
        Quantifier quantifier = stage.quantifier();
        switch (quantifier.type()) {
          case "oneOrMore" -> pattern.oneOrMore();
          case "timesOrMore" -> pattern.timesOrMore(quantifier.from());
          case "times" -> pattern.times(quantifier.from());
          case "timesRange" -> pattern.times(quantifier.from(), quantifier.to());
          default -> throw new IllegalStateException("unknown quantifier " + quantifier);
        }
      }
      if (stage.consecutive()) {
        pattern.consecutive();
      }
      if (stage.allowCombinations()) {
        pattern.allowCombinations();
      }
      if (stage.until() != null) {
        pattern.until(stage.until());
      }
      if (stage.optional()) {
        pattern.optional();
      }
      if (stage.greedy()) {
        pattern.greedy();
      }
    }
    if (withinMs > 0) {
      pattern.within(Duration.ofMillis(withinMs), withinType);
    }
    return pattern;
  }
}

package io.millrace.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.cep.nfa.aftermatch.SkipToLastStrategy;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.Quantifier.ConsumingStrategy;
import io.millrace.cep.pattern.Quantifier.QuantifierProperty;
import io.millrace.cep.pattern.WithinType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code cep} operator's options, including those no published scenario uses yet, build the
 * pattern the README describes; conditions compare as it says.
 */
class CepSpecTest {

  private static CepSpec parse(String json) throws Exception {
    return CepSpec.parse(new JsonObject(Scenario.JSON.readTree(json), "pattern"));
  }

  /** The stages of {@code pattern}, first to last. */
  private static List<Pattern<?, ?>> stages(Pattern<?, ?> pattern) {
    List<Pattern<?, ?>> stages = new ArrayList<>();
    for (Pattern<?, ?> stage = pattern; stage != null; stage = stage.getPrevious()) {
      stages.add(0, stage);
    }
    return stages;
  }

  @Test
  void everyOptionOfTheFormatIsApplied() throws Exception {
    CepSpec spec = parse("""
        {"afterMatchSkip": {"strategy": "skipToLast", "stage": "b"}, "withinMs": 5000, "withinType": "PREVIOUS_AND_CURRENT",
         "stages": [
           {"name": "a", "where": {"field": "type", "op": "==", "value": "A"}, "quantifier": {"type": "timesOrMore", "n": 2},
            "consecutive": true, "until": {"field": "value", "op": ">", "value": 9}},
           {"name": "n", "contiguity": "notNext", "where": {"field": "type", "op": "==", "value": "X"}},
           {"name": "b", "contiguity": "followedByAny", "where": {"field": "type", "op": "==", "value": "B"},
            "quantifier": {"type": "times", "from": 1, "to": 3}, "allowCombinations": true, "optional": true},
           {"name": "c", "contiguity": "followedBy", "where": {"not": {"field": "id", "op": "<", "value": 3}},
            "quantifier": {"type": "oneOrMore"}, "greedy": true},
           {"name": "d", "contiguity": "next", "where": {"or": [{"field": "key", "op": "!=", "value": "k"},
             {"and": [{"field": "ts", "op": ">=", "value": 10}, {"field": "ts", "op": "<=", "value": 20}]}]},
            "quantifier": {"type": "times", "n": 2}},
           {"name": "e", "contiguity": "notFollowedBy", "where": {"field": "type", "op": "==", "value": "Y"}}]}
        """);
    List<Pattern<?, ?>> stages = stages(spec.build());
    assertThat(stages).extracting(Pattern::getName).containsExactly("a", "n", "b", "c", "d", "e");
    Pattern<?, ?> a = stages.get(0);
    assertThat(a.getAfterMatchSkipStrategy()).isInstanceOf(SkipToLastStrategy.class);
    assertThat(a.getAfterMatchSkipStrategy().getPatternName()).contains("b");
    assertThat(a.getQuantifier().hasProperty(QuantifierProperty.LOOPING)).isTrue();
    assertThat(a.getTimes().getFrom()).isEqualTo(2);
    assertThat(a.getQuantifier().getInnerConsumingStrategy()).isEqualTo(ConsumingStrategy.STRICT);
    assertThat(a.getUntilCondition()).isNotNull();
    assertThat(stages.get(1).getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.NOT_NEXT);
    Pattern<?, ?> b = stages.get(2);
    assertThat(b.getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.SKIP_TILL_ANY);
    assertThat(b.getQuantifier().hasProperty(QuantifierProperty.TIMES)).isTrue();
    assertThat(b.getTimes().getFrom()).isEqualTo(1);
    assertThat(b.getTimes().getTo()).isEqualTo(3);
    assertThat(b.getQuantifier().getInnerConsumingStrategy()).isEqualTo(ConsumingStrategy.SKIP_TILL_ANY);
    assertThat(b.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)).isTrue();
    Pattern<?, ?> c = stages.get(3);
    assertThat(c.getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.SKIP_TILL_NEXT);
    assertThat(c.getQuantifier().hasProperty(QuantifierProperty.GREEDY)).isTrue();
    Pattern<?, ?> d = stages.get(4);
    assertThat(d.getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.STRICT);
    assertThat(d.getTimes().getFrom()).isEqualTo(2);
    assertThat(d.getTimes().getTo()).isEqualTo(2);
    Pattern<?, ?> e = stages.get(5);
    assertThat(e.getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.NOT_FOLLOW);
    assertThat(e.getWindowSize(WithinType.PREVIOUS_AND_CURRENT)).contains(Duration.ofMillis(5000));
    assertThat(e.getWindowSize(WithinType.FIRST_AND_LAST)).isEmpty();
  }

  @Test
  void conditionsCompareNumbersAsNumbersAndStringsAsStrings() throws Exception {
    Event event = new Event(7, "k", 15, 100, "B");
    assertThat(condition("{\"field\": \"value\", \"op\": \">\", \"value\": 99}").filter(event)).isTrue();
    assertThat(condition("{\"field\": \"value\", \"op\": \"<=\", \"value\": 99}").filter(event)).isFalse();
    assertThat(condition("{\"field\": \"id\", \"op\": \"==\", \"value\": 7}").filter(event)).isTrue();
    assertThat(condition("{\"field\": \"ts\", \"op\": \"!=\", \"value\": 15}").filter(event)).isFalse();
    assertThat(condition("{\"field\": \"type\", \"op\": \">=\", \"value\": \"A\"}").filter(event)).isTrue();
    assertThat(condition("{\"field\": \"key\", \"op\": \"<\", \"value\": \"j\"}").filter(event)).isFalse();
    assertThat(condition("{\"and\": [{\"field\": \"type\", \"op\": \"==\", \"value\": \"B\"}, {\"not\": "
        + "{\"field\": \"id\", \"op\": \">\", \"value\": 5}}]}").filter(event)).isFalse();
    assertThat(condition("{\"or\": [{\"field\": \"type\", \"op\": \"==\", \"value\": \"A\"}, "
        + "{\"field\": \"id\", \"op\": \">\", \"value\": 5}]}").filter(event)).isTrue();
  }

  @Test
  void aMalformedPatternNamesTheOffendingField() {
    assertThatThrownBy(() -> parse("{\"stages\": [{\"name\": \"a\", \"where\": {\"field\": \"type\", \"op\": \"=\", \"value\": \"A\"}}]}"))
        .hasMessageContaining("pattern.stages[0].where.op must be ==, !=, <, <=, > or >=");
    assertThatThrownBy(() -> parse("{\"stages\": [{\"name\": \"a\", \"contiguity\": \"next\", \"where\": {\"field\": \"id\", \"op\": \"==\", \"value\": 1}}]}"))
        .hasMessageContaining("the first stage has no contiguity");
    assertThatThrownBy(() -> parse("{\"afterMatchSkip\": {\"strategy\": \"skipToMiddle\"}, \"stages\": []}"))
        .hasMessageContaining("pattern.afterMatchSkip.strategy must be");
  }

  private static EventCondition condition(String json) throws Exception {
    return EventCondition.parse(new JsonObject(Scenario.JSON.readTree(json), "where"));
  }
}

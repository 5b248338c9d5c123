package io.millrace.cep;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.MalformedPatternException;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.WithinType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invalid patterns fail when built — by the method that makes them invalid, or by CEP.pattern — saying why. */
class PatternValidationTest {

  private static Pattern<Ev, Ev> a() {
    return Pattern.<Ev>begin("a").where(e -> e.is("A"));
  }

  private static DataStream<Ev> stream() {
    return StreamExecutionEnvironment.createLocalEnvironment(1).addSource(new CepHarness.NoSource());
  }

  @Test
  void aRepeatedStageNameFailsWhereTheStageIsAdded() {
    assertThatThrownBy(() -> a().followedBy("b").next("a"))
        .isInstanceOf(MalformedPatternException.class)
        .hasMessageContaining("duplicate stage name \"a\" in next(\"a\")")
        .hasMessageContaining("stage names must be unique");
    Pattern<Ev, Ev> group = Pattern.<Ev>begin("b").next("a");
    assertThatThrownBy(() -> a().followedBy(group))
        .isInstanceOf(MalformedPatternException.class)
        .hasMessageContaining("duplicate stage name \"a\" in followedBy(group)");
    assertThatThrownBy(() -> Pattern.<Ev>begin("$endState$"))
        .isInstanceOf(MalformedPatternException.class).hasMessageContaining("reserved");
  }

  @Test
  void aNegativeOrZeroCountFailsNamingTheCallAndTheStage() {
    assertThatThrownBy(() -> a().times(-1))
        .isInstanceOf(MalformedPatternException.class)
        .hasMessageContaining("must be positive, got -1 for times(-1) on stage \"a\"");
    assertThatThrownBy(() -> a().times(0)).hasMessageContaining("got 0 for times(0)");
    assertThatThrownBy(() -> a().timesOrMore(0)).hasMessageContaining("got 0 for timesOrMore(0)");
    assertThatThrownBy(() -> a().times(-1, 3)).hasMessageContaining("must not be negative, got -1 for times(-1, 3)");
    assertThatThrownBy(() -> a().times(3, 2)).hasMessageContaining("at least the minimum and at least 1, got 2 for times(3, 2)");
    assertThatThrownBy(() -> a().times(0, 0)).hasMessageContaining("got 0 for times(0, 0)");
  }

  @Test
  void anOptionalStageBeforeANegativeStageFailsAndSaysWhatToDoInstead() {
    assertThatThrownBy(() -> a().followedBy("b").where(e -> e.is("B")).optional().notFollowedBy("n"))
        .isInstanceOf(MalformedPatternException.class)
        .hasMessageContaining("the optional stage \"b\" cannot be followed by notFollowedBy(\"n\")")
        .hasMessageContaining("write two patterns");
    assertThatThrownBy(() -> a().optional().notNext("n"))
        .hasMessageContaining("the optional stage \"a\" cannot be followed by notNext(\"n\")");
    assertThatThrownBy(() -> a().notFollowedBy("n").optional())
        .hasMessageContaining("the negative stage \"n\" (notNext/notFollowedBy) cannot be optional");
  }

  @Test
  void greedyOnTheLastStageFailsWhenThePatternIsCompiled() {
    Pattern<Ev, Ev> pattern = a().followedBy("b").where(e -> e.is("B")).oneOrMore().greedy();
    assertThatThrownBy(() -> CEP.pattern(stream(), pattern))
        .isInstanceOf(MalformedPatternException.class)
        .hasMessageContaining("greedy() on the last stage \"b\" is not supported");
  }

  @Test
  void notFollowedByEndingAPatternNeedsAWindow() {
    Pattern<Ev, Ev> pattern = a().notFollowedBy("n").where(e -> e.is("X"));
    assertThatThrownBy(() -> CEP.pattern(stream(), pattern))
        .isInstanceOf(MalformedPatternException.class)
        .hasMessageContaining("the pattern ends with notFollowedBy(\"n\") but has no within(...)");
    CEP.pattern(stream(), a().notFollowedBy("m").where(e -> e.is("X")).within(Duration.ofSeconds(1), WithinType.PREVIOUS_AND_CURRENT));
  }

  @Test
  void quantifierMisuseFailsNamingTheStage() {
    assertThatThrownBy(() -> a().greedy()).hasMessageContaining("greedy() applies to a looping or times stage, but stage \"a\"");
    assertThatThrownBy(() -> a().until(e -> true)).hasMessageContaining("until(...) applies to looping stages only, but stage \"a\"");
    assertThatThrownBy(() -> a().oneOrMore().until(e -> true).until(e -> false)).hasMessageContaining("already has an until");
    assertThatThrownBy(() -> a().consecutive()).hasMessageContaining("consecutive() applies to a looping or times stage");
    assertThatThrownBy(() -> a().allowCombinations()).hasMessageContaining("allowCombinations() applies to a looping or times stage");
    assertThatThrownBy(() -> a().oneOrMore().consecutive().allowCombinations()).hasMessageContaining("not both");
    assertThatThrownBy(() -> a().oneOrMore().times(2)).hasMessageContaining("already has a quantifier");
    assertThatThrownBy(() -> a().optional().optional()).hasMessageContaining("optional() was already applied to stage \"a\"");
    assertThatThrownBy(() -> a().oneOrMore().allowCombinations().greedy()).hasMessageContaining("allowCombinations");
    assertThatThrownBy(() -> a().notNext("n").oneOrMore()).hasMessageContaining("negative stage \"n\"");
    assertThatThrownBy(() -> a().oneOrMore().greedy().followedBy("b").optional())
        .hasMessageContaining("stage \"b\" cannot be optional: it follows the greedy stage \"a\"");
  }

  @Test
  void windowsAndSkipTargetsAreChecked() {
    assertThatThrownBy(() -> a().within(Duration.ZERO)).hasMessageContaining("window must be at least 1 ms, got PT0S");
    assertThatThrownBy(() -> a().within(Duration.ofSeconds(-1))).hasMessageContaining("got PT-1S");
    Pattern<Ev, Ev> skipToMissing = Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipToFirst("z")).followedBy("b");
    assertThatThrownBy(() -> CEP.pattern(stream(), skipToMissing))
        .hasMessageContaining("names the stage \"z\", which the pattern does not have");
    Pattern<Ev, Ev> largerStageWindow = a().within(Duration.ofSeconds(1))
        .followedBy("b").within(Duration.ofSeconds(5), WithinType.PREVIOUS_AND_CURRENT);
    assertThatThrownBy(() -> CEP.pattern(stream(), largerStageWindow))
        .hasMessageContaining("is larger than the pattern's window");
  }

  @Test
  void aGroupHasNoConditionOfItsOwn() {
    assertThatThrownBy(() -> Pattern.begin(a()).where(e -> true)).hasMessageContaining("a group pattern takes no where(...)");
    assertThatThrownBy(() -> Pattern.begin(a()).oneOrMore().greedy()).hasMessageContaining("greedy() does not apply to a group");
  }
}

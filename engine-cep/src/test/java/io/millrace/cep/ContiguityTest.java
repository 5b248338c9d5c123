package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.cep.pattern.Pattern;
import io.millrace.state.StateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The three contiguities between stages, each on a small input, with the exact matches. */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class ContiguityTest {
  @Parameter
  StateBackend backend;

  private static Pattern<Ev, Ev> aThen(String contiguity) {
    Pattern<Ev, Ev> a = Pattern.<Ev>begin("a").where(e -> e.is("A"));
    Pattern<Ev, Ev> b = switch (contiguity) {
      case "next" -> a.next("b");
      case "followedBy" -> a.followedBy("b");
      default -> a.followedByAny("b");
    };
    return b.where(e -> e.is("B"));
  }

  @Test
  void strictNextTakesOnlyTheVeryNextEventOfTheSameKey() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aThen("next"), backend)) {
      h.event(ev(1, "A"), 1000).event(ev("j", 2, "C"), 1500).event(ev(3, "B"), 2000)
          .event(ev(4, "A"), 3000).event(ev(5, "C"), 4000).event(ev(6, "B"), 5000)
          .event(ev(7, "A"), 6000).event(ev(8, "A"), 7000).event(ev(9, "B"), 8000).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[3]@2000", "a[8] b[9]@8000");
    }
  }

  @Test
  void relaxedFollowedBySkipsNonMatchingEventsAndTakesTheFirstMatchingOne() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aThen("followedBy"), backend)) {
      h.events(ev(1, "A"), ev(2, "C"), ev(3, "B"), ev(4, "B"), ev(5, "A"), ev(6, "A"), ev(7, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[3]@3000", "a[5] b[7]@7000", "a[6] b[7]@7000");
    }
  }

  @Test
  void nonDeterministicFollowedByAnyPairsEveryAWithEveryLaterB() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aThen("followedByAny"), backend)) {
      h.events(ev(1, "A"), ev(2, "C"), ev(3, "B"), ev(4, "B"), ev(5, "A"), ev(6, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder(
          "a[1] b[3]@3000", "a[1] b[4]@4000", "a[1] b[6]@6000", "a[5] b[6]@6000");
    }
  }

  @Test
  void contiguityAppliesBetweenEachPairOfStages() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .followedBy("b").where(e -> e.is("B"))
        .next("c").where(e -> e.is("C"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      // A1 X2 B3 C4: relaxed a->b, strict b->c; A5 B6 X7 C8: the X breaks b->c
      h.events(ev(1, "A"), ev(2, "X"), ev(3, "B"), ev(4, "C"), ev(5, "A"), ev(6, "B"), ev(7, "X"), ev(8, "C")).end();
      assertThat(h.matches()).containsExactly("a[1] b[3] c[4]@4000");
    }
  }

  @Test
  void eachKeyIsMatchedOnItsOwn() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aThen("followedBy"), backend)) {
      h.event(ev("k", 1, "A"), 1000).event(ev("j", 2, "A"), 2000).event(ev("j", 3, "B"), 3000)
          .event(ev("k", 4, "C"), 4000).event(ev("k", 5, "B"), 5000).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[2] b[3]@3000", "a[1] b[5]@5000");
    }
  }
}

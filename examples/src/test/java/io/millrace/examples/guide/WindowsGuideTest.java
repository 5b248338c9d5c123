package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsGuideTest {

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void tumblingWindowsRefireForALateViewWithinTheLatenessAndSideOutputATooLateOne(int parallelism) throws Exception {
    List<Windows.View> late = new ArrayList<>();
    List<String> counts = Windows.tumbling(StreamExecutionEnvironment.createLocalEnvironment(parallelism), late);
    // eve's cart view arrives 20 s behind the watermark: cart's first minute fires again with 2.
    assertThat(counts).containsExactlyInAnyOrder(
        "home @0s: 2", "cart @0s: 1", "cart @0s: 2", "home @60s: 1", "cart @60s: 1", "home @120s: 1");
    assertThat(late).containsExactly(new Windows.View("home", "dan", 55_000));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void slidingWindowsHoldAViewTwiceAndSessionsMergeUntilAGapOfFortyFiveSeconds(int parallelism) throws Exception {
    assertThat(Windows.slidingAndSessions(StreamExecutionEnvironment.createLocalEnvironment(parallelism)))
        .containsExactlyInAnyOrder(
            "home @-30s: 2", "home @0s: 2", "cart @0s: 1", "cart @30s: 2", "home @30s: 1", "home @60s: 1",
            "cart @60s: 1", "cart @90s: 1", "home @120s: 1", "home @150s: 1",
            "ann session 5-115s [home, cart, home]", "bob session 20-65s [home]", "bob session 95-140s [cart]",
            "eve session 40-85s [cart]", "cid session 150-195s [home]");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void windowAndIntervalJoinsPairViewsWithPurchases(int parallelism) throws Exception {
    assertThat(Windows.joins(StreamExecutionEnvironment.createLocalEnvironment(parallelism)))
        .containsExactlyInAnyOrder(
            "ann bought after viewing home", "ann bought after viewing cart",
            "ann viewed home 35s before buying", "ann viewed cart 10s before buying");
  }
}

package io.millrace.examples.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickCounterTest {

  /** Ten clicks of three users, in this order. */
  private static final ClickEvent[] CLICKS = {
    new ClickEvent("alice", "ad-1"),
    new ClickEvent("bob", "ad-1"),
    new ClickEvent("alice", "ad-2"),
    new ClickEvent("carol", "ad-3"),
    new ClickEvent("bob", "ad-2"),
    new ClickEvent("alice", "ad-1"),
    new ClickEvent("carol", "ad-1"),
    new ClickEvent("alice", "ad-3"),
    new ClickEvent("bob", "ad-3"),
    new ClickEvent("alice", "ad-2"),
  };

  // [START test]
  private static List<ClickCount> countClicks(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    return env.fromElements(CLICKS)
        .keyBy(ClickEvent::getUserId)
        .process(new ClickCounter())
        .executeAndCollect(100);
  }

  @Test
  void atParallelismOneEmitsTheRunningCountOfEveryClickInInputOrder() throws Exception {
    assertThat(countClicks(1)).containsExactly(
        new ClickCount("alice", 1),
        new ClickCount("bob", 1),
        new ClickCount("alice", 2),
        new ClickCount("carol", 1),
        new ClickCount("bob", 2),
        new ClickCount("alice", 3),
        new ClickCount("carol", 2),
        new ClickCount("alice", 4),
        new ClickCount("bob", 3),
        new ClickCount("alice", 5));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {2, 4})
  void inParallelEveryUsersCountsArriveInOrder(int parallelism) throws Exception {
    List<ClickCount> counts = countClicks(parallelism);

    Map<String, List<Long>> perUser = new LinkedHashMap<>();
    for (ClickCount count : counts) {
      perUser.computeIfAbsent(count.getUserId(), user -> new ArrayList<>()).add(count.getCount());
    }
    assertThat(counts).hasSize(CLICKS.length);
    assertThat(perUser).containsOnlyKeys("alice", "bob", "carol");
    assertThat(perUser.get("alice")).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(perUser.get("bob")).containsExactly(1L, 2L, 3L);
    assertThat(perUser.get("carol")).containsExactly(1L, 2L);
  }
  // [END test]

  @Test
  void generatedClicksSpreadEvenlyOverTheUsers() {
    Map<String, Integer> perUser = new LinkedHashMap<>();
    for (long i = 0; i < 10 * ClickCountingJob.USERS; i++) {
      perUser.merge(ClickCountingJob.click(i).getUserId(), 1, Integer::sum);
    }
    assertThat(perUser).hasSize(ClickCountingJob.USERS);
    assertThat(perUser.values()).containsOnly(10);
  }
}

package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.examples.clicks.ClickCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedProcessingGuideTest {

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.createLocalEnvironment(2);
  }

  private static void assertRunningCountsPerUser(List<ClickCount> counts) {
    assertThat(counts).containsExactlyInAnyOrder(
        new ClickCount("alice", 1), new ClickCount("bob", 1), new ClickCount("alice", 2),
        new ClickCount("alice", 3), new ClickCount("bob", 2));
    assertThat(counts).filteredOn(count -> count.getUserId().equals("alice"))
        .containsExactly(new ClickCount("alice", 1), new ClickCount("alice", 2), new ClickCount("alice", 3));
    assertThat(counts).filteredOn(count -> count.getUserId().equals("bob"))
        .containsExactly(new ClickCount("bob", 1), new ClickCount("bob", 2));
  }

  @Test
  void theKeyedClickCounterEmitsEachUsersRunningCountInOrder() throws Exception {
    StreamExecutionEnvironment env = env();
    assertRunningCountsPerUser(KeyedProcessing.counting(KeyedProcessing.clicks(env)).counts().executeAndCollect(100));
  }

  @Test
  void theRollingReduceEmitsTheSameRunningCounts() throws Exception {
    StreamExecutionEnvironment env = env();
    assertRunningCountsPerUser(KeyedProcessing.counting(KeyedProcessing.clicks(env)).totals().executeAndCollect(100));
  }

  @Test
  void firstClickPerAdDropsAlicesSecondClickOnAdOne() throws Exception {
    StreamExecutionEnvironment env = env();
    List<String> printed = PrintedLines.of(() -> {
      KeyedProcessing.distinctAds(env);
      env.execute("distinct ads");
    });

    assertThat(printed).containsExactlyInAnyOrder(
        "ClickEvent{userId=alice, adId=ad-1}", "ClickEvent{userId=bob, adId=ad-1}",
        "ClickEvent{userId=alice, adId=ad-2}", "ClickEvent{userId=bob, adId=ad-3}");
    assertThat(printed).filteredOn(line -> line.contains("alice"))
        .containsExactly("ClickEvent{userId=alice, adId=ad-1}", "ClickEvent{userId=alice, adId=ad-2}");
  }

  @Test
  void mainPrintsTheCountsTheTotalsAndTheFirstClicks() throws Exception {
    List<String> printed = PrintedLines.of(() -> KeyedProcessing.main(new String[0]));

    assertThat(printed).containsExactlyInAnyOrder(
        "ClickCount{userId=alice, count=1}", "ClickCount{userId=bob, count=1}", "ClickCount{userId=alice, count=2}",
        "ClickCount{userId=alice, count=3}", "ClickCount{userId=bob, count=2}",
        "ClickCount{userId=alice, count=1}", "ClickCount{userId=bob, count=1}", "ClickCount{userId=alice, count=2}",
        "ClickCount{userId=alice, count=3}", "ClickCount{userId=bob, count=2}",
        "ClickEvent{userId=alice, adId=ad-1}", "ClickEvent{userId=bob, adId=ad-1}",
        "ClickEvent{userId=alice, adId=ad-2}", "ClickEvent{userId=bob, adId=ad-3}");
  }
}

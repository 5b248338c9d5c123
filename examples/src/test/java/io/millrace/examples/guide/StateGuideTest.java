package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.state.heap.HashMapStateBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateGuideTest {

  private static final List<String> FILTERED = List.of(
      "ClickEvent{userId=alice, adId=ad-1}", "ClickEvent{userId=bob, adId=ad-1}",
      "ClickEvent{userId=alice, adId=ad-2}", "ClickEvent{userId=bob, adId=ad-3}");
  private static final List<String> ALICES_VISITS = List.of(
      "alice: ad-1 x1", "alice: ad-1 x2", "alice: ad-2 x1 after [ad-1 x2]",
      "alice: ad-1 x1 after [ad-1 x2, ad-2 x1]");
  private static final List<String> BOBS_VISITS = List.of("bob: ad-1 x1", "bob: ad-3 x1 after [ad-1 x1]");

  private static void assertFilteredAndTracked(List<String> printed) {
    assertThat(printed).containsExactlyInAnyOrderElementsOf(
        Stream.of(FILTERED, ALICES_VISITS, BOBS_VISITS).flatMap(List::stream).toList());
    assertThat(printed).filteredOn(line -> line.startsWith("alice:")).containsExactlyElementsOf(ALICES_VISITS);
    assertThat(printed).filteredOn(line -> line.startsWith("bob:")).containsExactlyElementsOf(BOBS_VISITS);
  }

  @Test
  void onRocksDbTheFilterDropsRepeatedClicksAndTheTrackerFollowsVisits(@TempDir Path directory) throws Exception {
    StreamExecutionEnvironment env = StateGuide.onRocksDB(directory);
    assertFilteredAndTracked(PrintedLines.of(() -> {
      StateGuide.filterAndTrack(env);
      env.execute("state guide");
    }));
    try (Stream<Path> left = Files.list(directory)) {
      assertThat(left).as("databases left in %s after the job", directory).isEmpty();
    }
  }

  @Test
  void onTheHeapTheOutputIsTheSame() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(new HashMapStateBackend());
    assertFilteredAndTracked(PrintedLines.of(() -> {
      StateGuide.filterAndTrack(env);
      env.execute("state guide");
    }));
  }

  @Test
  void mainRunsOnRocksDb() throws Exception {
    assertFilteredAndTracked(PrintedLines.of(() -> StateGuide.main(new String[0])));
  }
}

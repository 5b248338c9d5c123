package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartGuideTest {

  @Test
  void quickStartPrintsARunningCountPerUserWithAliceCountedInOrder() throws Exception {
    List<String> printed = PrintedLines.of(() -> QuickStart.main(new String[0]));

    assertThat(printed).containsExactlyInAnyOrder(
        "ClickCount{userId=alice, count=1}",
        "ClickCount{userId=bob, count=1}",
        "ClickCount{userId=alice, count=2}");
    // both of alice's counts come from her one subtask, in the order of her clicks
    assertThat(printed).filteredOn(line -> line.contains("alice")).containsExactly(
        "ClickCount{userId=alice, count=1}", "ClickCount{userId=alice, count=2}");
  }
}

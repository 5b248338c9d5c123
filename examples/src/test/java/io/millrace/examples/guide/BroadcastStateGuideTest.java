package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastStateGuideTest {

  @Test
  void clicksOnUnblockedAdsPassAndTheClickOnTheBlockedAdPassesOnlyIfItBeatsTheRule() throws Exception {
    List<String> printed = PrintedLines.of(() -> BroadcastStateGuide.main(new String[0]));

    // the rule and the clicks come from two sources: nothing orders the rule before bob's click
    // on ad-2, so that click is dropped if the rule arrived first and passes otherwise
    assertThat(printed).filteredOn(line -> !line.contains("ad-2")).containsExactlyInAnyOrder(
        "ClickEvent{userId=alice, adId=ad-1}", "ClickEvent{userId=carol, adId=ad-1}");
    assertThat(printed).filteredOn(line -> line.contains("ad-2"))
        .isSubsetOf("ClickEvent{userId=bob, adId=ad-2}")
        .hasSizeLessThanOrEqualTo(1);
  }
}

package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectedStreamsGuideTest {

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.createLocalEnvironment(2);
  }

  @Test
  void coMapMapsEachInputWithItsOwnMethod() throws Exception {
    assertThat(ConnectedStreamsGuide.coMap(env()).executeAndCollect(100))
        .containsExactlyInAnyOrder("click by alice", "sign-up of bob");
  }

  @Test
  void keyedCoProcessTagsEveryClickWithItsUsersCountryWhicheverInputArrivesFirst() throws Exception {
    StreamExecutionEnvironment env = env();
    List<String> printed = PrintedLines.of(() -> {
      ConnectedStreamsGuide.keyed(env);
      env.execute("keyed co-process");
    });

    assertThat(printed).containsExactlyInAnyOrder("ad-1 clicked in FR", "ad-3 clicked in FR", "ad-2 clicked in NZ");
    // held back or not, alice's clicks come out in the order she made them
    assertThat(printed).filteredOn(line -> line.endsWith("FR")).containsExactly("ad-1 clicked in FR", "ad-3 clicked in FR");
  }

  @Test
  void mainPrintsBothJobs() throws Exception {
    assertThat(PrintedLines.of(() -> ConnectedStreamsGuide.main(new String[0]))).containsExactlyInAnyOrder(
        "click by alice", "sign-up of bob", "ad-1 clicked in FR", "ad-3 clicked in FR", "ad-2 clicked in NZ");
  }
}

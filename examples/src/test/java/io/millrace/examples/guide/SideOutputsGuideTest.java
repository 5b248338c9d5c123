package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SideOutputsGuideTest {

  @Test
  void numbersGoToTheMainOutputAndTheUnparsableLineToTheSideOutput() throws Exception {
    // both outputs are printed: 1, 2 and 4 by the main one, "three" by the side output
    assertThat(PrintedLines.of(() -> SideOutputs.main(new String[0])))
        .containsExactlyInAnyOrder("1", "2", "4", "three");
  }
}

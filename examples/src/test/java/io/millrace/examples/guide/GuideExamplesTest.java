package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** Every class the guide quotes runs to the end without failing. */
class GuideExamplesTest {
  @Test
  void quickStartRuns() {
    assertThatCode(() -> QuickStart.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void sourcesRun() {
    assertThatCode(() -> Sources.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void transformationsRun() {
    assertThatCode(() -> Transformations.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void keyedProcessingRuns() {
    assertThatCode(() -> KeyedProcessing.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void connectedStreamsRun() {
    assertThatCode(() -> ConnectedStreamsGuide.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void broadcastStateRuns() {
    assertThatCode(() -> BroadcastStateGuide.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void sideOutputsRun() {
    assertThatCode(() -> SideOutputs.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void sinksRun() {
    assertThatCode(() -> Sinks.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void functionInstancesRun() {
    assertThatCode(() -> FunctionInstances.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void failuresAreReportedNotThrown() {
    assertThatCode(() -> Failures.main(new String[0])).doesNotThrowAnyException();
  }
}

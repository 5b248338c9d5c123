package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionInstancesGuideTest {

  @Test
  void eachSubtaskNumbersItsOwnElementsFromOne() throws Exception {
    List<String> numbered =
        FunctionInstances.numbered(StreamExecutionEnvironment.createLocalEnvironment(2)).executeAndCollect(100);

    // rebalance() deals a, b, c, d round-robin from a random first subtask
    assertThat(numbered).hasSize(4);
    assertThat(new HashSet<>(numbered)).isIn(
        Set.of("subtask 0, element 1: a", "subtask 1, element 1: b",
            "subtask 0, element 2: c", "subtask 1, element 2: d"),
        Set.of("subtask 1, element 1: a", "subtask 0, element 1: b",
            "subtask 1, element 2: c", "subtask 0, element 2: d"));
    assertThat(numbered).filteredOn(line -> line.endsWith("a") || line.endsWith("c"))
        .extracting(line -> line.substring(line.indexOf(", ")))
        .containsExactly(", element 1: a", ", element 2: c");
  }

  @Test
  void aLambdaSinkSharedByFourSubtasksCountsEveryEvenNumber() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    assertThat(PrintedLines.of(() -> FunctionInstances.sharedLambda(env))).containsExactly("500000");
  }

  @Test
  void mainPrintsTheNumberedElementsAndTheCount() throws Exception {
    List<String> printed = PrintedLines.of(() -> FunctionInstances.main(new String[0]));

    assertThat(printed).hasSize(5).endsWith("500000");
    assertThat(printed.subList(0, 4)).allMatch(line -> line.matches("subtask [01], element [12]: [abcd]"));
  }
}

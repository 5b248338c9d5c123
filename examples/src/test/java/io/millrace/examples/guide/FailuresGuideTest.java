package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresGuideTest {
  private static final String NULL_KEY_CAUSE = "java.lang.NullPointerException: the KeySelector of keyBy@2 "
      + "(ClickEvent::getUserId) returned null for record ClickEvent{userId=null, adId=ad-2}; keys must not be "
      + "null: filter such records out before keyBy, or map a missing key to a non-null placeholder";

  @Test
  void eachFailedJobIsReportedAsAJobExecutionExceptionNamingTheOperatorSubtaskAndCause() throws Exception {
    // main catches JobExecutionException only: any other exception would propagate from it
    List<String> printed = PrintedLines.of(() -> Failures.main(new String[0]));

    List<String> reports = printed.stream().filter(line -> !line.equals("1")).toList();
    assertThat(reports).hasSize(3);
    // the null key fails the keyBy on the source's (only) subtask; this is the text docs/concepts.md shows
    assertThat(reports.get(0)).isEqualTo(
        "Job 'clicks' failed: keyBy@2 (ClickEvent::getUserId), subtask 0 of 1, threw " + NULL_KEY_CAUSE);
    // getOperatorName(), getSubtaskIndex() and getCause()
    assertThat(reports.get(1)).isEqualTo("keyBy@2 (ClickEvent::getUserId), subtask 0, cause: " + NULL_KEY_CAUSE);
    // alice and bob each divide by zero on their first click, on whichever subtasks own them:
    // the report names the first of the two to fail
    assertThat(reports.get(2)).matches(
        "Job 'division' failed: map@9 \\(lambda in Failures\\.main\\), subtask [01] of 2, threw "
            + "java\\.lang\\.ArithmeticException: / by zero");
    // alice's count of the first job may or may not be printed before the null key fails the job
    assertThat(printed).filteredOn(line -> line.equals("1")).hasSizeLessThanOrEqualTo(1);
  }
}

package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void mapsFiltersAndCollects() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = env.fromSequence(1, 100).map(x -> x * 2).filter(x -> x % 3 == 0)
        .keyBy(x -> x % 5).reduce(Long::sum).executeAndCollect(1000);
    assertThat(out).hasSizeGreaterThan(10);
  }
}

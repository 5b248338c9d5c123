package io.millrace.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's comparison rule, as {@link OutputComparison} applies it. */
class OutputComparisonTest {

  @Test
  void lineOrderKeyOrderAndIntegralNumberFormsDoNotMatter() throws Exception {
    List<JsonNode> expected = lines("{\"op\":\"w\",\"key\":\"a\",\"ts\":9999,\"ids\":[1,2]}", "{\"op\":\"w\",\"ts\":1}");
    List<JsonNode> actual = lines("{\"ts\":1.0,\"op\":\"w\"}", "{\"ids\":[1,2],\"ts\":9999,\"key\":\"a\",\"op\":\"w\"}");

    assertThat(OutputComparison.difference(expected, actual)).isNull();
  }

  @Test
  void duplicatesCountAsInAMultiset() throws Exception {
    List<JsonNode> expected = lines("{\"op\":\"j\",\"left\":1,\"right\":2,\"ts\":9999}",
        "{\"op\":\"j\",\"left\":1,\"right\":2,\"ts\":9999}");
    List<JsonNode> actual = lines("{\"op\":\"j\",\"left\":1,\"right\":2,\"ts\":9999}");

    assertThat(OutputComparison.difference(expected, actual))
        .contains("2 lines expected, 1 produced; 1 missing, 0 unexpected")
        .contains("{\"op\":\"j\",\"left\":1,\"right\":2,\"ts\":9999}");
  }

  @Test
  void arrayOrderAndNestedValuesMatter() throws Exception {
    List<JsonNode> expected = lines("{\"op\":\"cep\",\"match\":{\"a\":[1],\"b\":[2,3]}}");
    List<JsonNode> actual = lines("{\"op\":\"cep\",\"match\":{\"b\":[3,2],\"a\":[1]}}");

    assertThat(OutputComparison.difference(expected, actual))
        .contains("missing (expected, not produced):\n    {\"op\":\"cep\",\"match\":{\"a\":[1],\"b\":[2,3]}}")
        .contains("unexpected (produced, not expected):\n    {\"op\":\"cep\",\"match\":{\"a\":[1],\"b\":[3,2]}}");
  }

  private static List<JsonNode> lines(String... json) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : json) {
      nodes.add(Scenario.JSON.readTree(line));
    }
    return nodes;
  }
}

package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TransformationsGuideTest {

  private static StreamExecutionEnvironment env(int parallelism) {
    return StreamExecutionEnvironment.createLocalEnvironment(parallelism);
  }

  @Test
  void basicsKeepTheLongWordsUpperCasedInOrderAtParallelismOne() throws Exception {
    assertThat(Transformations.basics(env(1)).executeAndCollect(100))
        .containsExactly("NOT", "THAT", "THE", "QUESTION");
  }

  @Test
  void basicsKeepTheLongWordsUpperCasedAndTheOrderWithinALineAtParallelismTwo() throws Exception {
    List<String> words = Transformations.basics(env(2)).executeAndCollect(100);

    assertThat(words).containsExactlyInAnyOrder("NOT", "THAT", "THE", "QUESTION");
    // the two lines may go to different subtasks; the words of one line stay in order
    assertThat(words).filteredOn(word -> !word.equals("NOT")).containsExactly("THAT", "THE", "QUESTION");
  }

  @Test
  void theTokenizerLowerCasesAndSplitsOnNonWordCharacters() throws Exception {
    assertThat(Transformations.tokens(env(2)).executeAndCollect(100)).containsExactly("tokens", "tokens", "tokens");
  }

  @Test
  void partitioningPrintsEachElementOncePerMapAndTwiceAfterBroadcast() throws Exception {
    StreamExecutionEnvironment env = env(2);
    List<String> raw = PrintedLines.rawOf(() -> {
      Transformations.partitioning(env);
      env.execute("partitioning");
    });

    List<Long> all = List.of(0L, 2L, 4L, 6L, 8L, 11L, 13L, 15L, 17L, 19L);   // evens of 0-9, odds of 10-19
    List<String> expected = new ArrayList<>();
    all.forEach(n -> expected.add(String.valueOf(n * 10)));   // rebalance
    all.forEach(n -> expected.add(String.valueOf(n + 1)));    // shuffle
    all.forEach(n -> expected.add(String.valueOf(-n)));       // global
    all.forEach(n -> expected.add(String.valueOf(n * n)));    // broadcast: once per subtask
    all.forEach(n -> expected.add(String.valueOf(n * n)));
    assertThat(raw.stream().map(PrintedLines::stripped).toList()).containsExactlyInAnyOrderElementsOf(expected);

    // global(): every element to the first subtask, whose sink prints "1> "
    assertThat(raw).filteredOn(line -> line.contains("-")).hasSize(9).allMatch(line -> line.startsWith("1> -"));
    // broadcast(): both subtasks print each square (those from 36 up appear in no other map's output)
    for (long n : List.of(6L, 8L, 11L, 13L, 15L, 17L, 19L)) {
      assertThat(raw).contains("1> " + n * n, "2> " + n * n);
    }
  }

  @Test
  void theConfiguredChainPrintsTheDoubledMultiplesOfThree() throws Exception {
    StreamExecutionEnvironment env = env(2);
    List<String> printed = PrintedLines.of(() -> {
      Transformations.configuration(env);
      env.execute("configuration");
    });

    // 1..100 doubled is 2..200; of those the multiples of 3 are 6, 12, ..., 198; +1 -1 cancel
    assertThat(printed).containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(1, 33).mapToObj(k -> String.valueOf(6 * k)).toList());
  }

  @Test
  void mainPrintsTheWordsAndTheTokensOfTheBasicsJob() throws Exception {
    List<String> printed = PrintedLines.of(() -> Transformations.main(new String[0]));

    assertThat(printed).contains("NOT", "THAT", "THE", "QUESTION", "tokens");
    assertThat(printed).filteredOn(line -> line.chars().anyMatch(Character::isLetter)).containsExactlyInAnyOrder(
        "NOT", "THAT", "THE", "QUESTION", "tokens", "tokens", "tokens");
    assertThat(printed).hasSize(7 + 50 + 33);   // + partitioning + configuration
  }
}

package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGroupRangeAssignmentTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 128, 129, 1000})
  void rangesOfAllSubtasksPartitionTheKeyGroupsContiguouslyForEveryParallelism(int maxParallelism) {
    for (int parallelism = 1; parallelism <= maxParallelism; parallelism++) {
      int nextStart = 0;
      for (int subtask = 0; subtask < parallelism; subtask++) {
        KeyGroupRange range =
            KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                maxParallelism, parallelism, subtask);
        assertThat(range.startKeyGroup())
            .as("start of subtask %d of %d, max %d", subtask, parallelism, maxParallelism)
            .isEqualTo(nextStart);
        assertThat(range.size()).isPositive();
        nextStart = range.endKeyGroup() + 1;
      }
      assertThat(nextStart).as("end of last range, parallelism %d", parallelism).isEqualTo(maxParallelism);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 128, 129, 1000})
  void everyKeyGroupMapsToTheSubtaskWhoseRangeContainsIt(int maxParallelism) {
    for (int parallelism = 1; parallelism <= maxParallelism; parallelism++) {
      for (int subtask = 0; subtask < parallelism; subtask++) {
        KeyGroupRange range =
            KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                maxParallelism, parallelism, subtask);
        for (int keyGroup = range.startKeyGroup(); keyGroup <= range.endKeyGroup(); keyGroup++) {
          assertThat(
                  KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(
                      maxParallelism, parallelism, keyGroup))
              .as("key group %d, parallelism %d, max %d", keyGroup, parallelism, maxParallelism)
              .isEqualTo(subtask);
        }
      }
    }
  }

  @Test
  void defaultMaxParallelismIsOneAndAHalfTimesRoundedUpToAPowerOfTwoWithinBounds() {
    assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(1)).isEqualTo(128);
    assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(85)).isEqualTo(128);
    assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(86)).isEqualTo(256);
    assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(100)).isEqualTo(256);
    assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(1000)).isEqualTo(2048);
    assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(30000))
        .isEqualTo(KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM);
    assertThat(KeyGroupRangeAssignment.DEFAULT_MAX_PARALLELISM).isEqualTo(128);
    assertThat(KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM).isEqualTo(32768);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE})
  void extremeHashCodesMapToAValidKeyGroup(int hash) {
    assertThat(KeyGroupRangeAssignment.murmurHash(hash)).isNotNegative();
    for (int maxParallelism : new int[] {1, 7, 128, 32768}) {
      assertThat(KeyGroupRangeAssignment.computeKeyGroupForKeyHash(hash, maxParallelism))
          .isBetween(0, maxParallelism - 1);
    }
  }

  @Test
  void aKeyIsAssignedByItsHashCode() {
    Object keyWithMinHash =
        new Object() {
          @Override
          public int hashCode() {
            return Integer.MIN_VALUE;
          }
        };
    assertThat(KeyGroupRangeAssignment.assignToKeyGroup(keyWithMinHash, 128))
        .isEqualTo(KeyGroupRangeAssignment.computeKeyGroupForKeyHash(Integer.MIN_VALUE, 128));
    assertThat(KeyGroupRangeAssignment.assignToKeyGroup("user-42", 128))
        .isEqualTo(KeyGroupRangeAssignment.computeKeyGroupForKeyHash("user-42".hashCode(), 128));
  }

  @Test
  void consecutiveIntegerKeysSpreadOverAllKeyGroups() {
    long groupsHit =
        IntStream.range(0, 10_000)
            .map(key -> KeyGroupRangeAssignment.assignToKeyGroup(key, 128))
            .distinct()
            .count();
    assertThat(groupsHit).isEqualTo(128);
  }

  @Test
  void keyGroupRangeRejectsAnEndBeforeItsStart() {
    assertThatThrownBy(() -> new KeyGroupRange(5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5, 4]");
    assertThat(new KeyGroupRange(3, 5).size()).isEqualTo(3);
    assertThat(new KeyGroupRange(3, 5).contains(2)).isFalse();
    assertThat(new KeyGroupRange(3, 5).contains(5)).isTrue();
  }
}

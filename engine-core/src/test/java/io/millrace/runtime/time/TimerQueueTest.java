package io.millrace.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

  private static InternalTimer<String, String> timer(long time, String key) {
    return new InternalTimer<>(time, key, "ns");
  }

  private static List<String> drain(TimerQueue<String, String> queue) {
    List<String> fired = new ArrayList<>();
    InternalTimer<String, String> next;
    while ((next = queue.poll()) != null) {
      fired.add(next.timestamp() + ":" + next.key());
    }
    return fired;
  }

  @Test
  void timersPollInTimeOrderAndEqualTimesInRegistrationOrder() {
    TimerQueue<String, String> queue = new TimerQueue<>();
    queue.add(timer(20, "b"));
    queue.add(timer(10, "z"));
    queue.add(timer(20, "a"));
    queue.add(timer(5, "m"));
    queue.add(timer(20, "c"));
    assertThat(queue.peek()).isEqualTo(timer(5, "m"));
    assertThat(drain(queue)).containsExactly("5:m", "10:z", "20:b", "20:a", "20:c");
    assertThat(queue.size()).isZero();
    assertThat(queue.peek()).isNull();
  }

  @Test
  void theSameTimerIsAddedOnceAndRemovedOnce() {
    TimerQueue<String, String> queue = new TimerQueue<>();
    assertThat(queue.add(timer(7, "a"))).isTrue();
    assertThat(queue.add(timer(7, "a"))).isFalse();
    assertThat(queue.add(timer(7, "b"))).isTrue();
    assertThat(queue.add(timer(7, "b"))).isFalse();
    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.remove(timer(7, "a"))).isTrue();
    assertThat(queue.remove(timer(7, "a"))).isFalse();
    assertThat(queue.remove(timer(8, "b"))).isFalse();
    assertThat(queue.remove(timer(7, "b"))).isTrue();
    assertThat(queue.size()).isZero();
    assertThat(queue.poll()).isNull();
  }

  @Test
  void randomOperationsMatchASortedReference() {
    long seed = 20261125L;
    SplittableRandom random = new SplittableRandom(seed);
    TimerQueue<String, String> queue = new TimerQueue<>();
    // Reference: time -> keys in registration order.
    TreeMap<Long, List<String>> reference = new TreeMap<>();
    for (int step = 0; step < 200_000; step++) {
      long time = random.nextInt(50);
      String key = "k" + random.nextInt(30);
      int action = random.nextInt(10);
      if (action < 5) {
        List<String> keys = reference.computeIfAbsent(time, t -> new ArrayList<>());
        boolean isNew = !keys.contains(key);
        if (isNew) {
          keys.add(key);
        }
        assertThat(queue.add(timer(time, key))).as("seed %d step %d", seed, step).isEqualTo(isNew);
      } else if (action < 8) {
        List<String> keys = reference.get(time);
        boolean present = keys != null && keys.remove(key);
        if (keys != null && keys.isEmpty()) {
          reference.remove(time);
        }
        assertThat(queue.remove(timer(time, key))).as("seed %d step %d", seed, step).isEqualTo(present);
      } else {
        InternalTimer<String, String> polled = queue.poll();
        if (reference.isEmpty()) {
          assertThat(polled).as("seed %d step %d", seed, step).isNull();
        } else {
          long first = reference.firstKey();
          String firstKey = reference.get(first).remove(0);
          if (reference.get(first).isEmpty()) {
            reference.remove(first);
          }
          assertThat(polled).as("seed %d step %d", seed, step).isEqualTo(timer(first, firstKey));
        }
      }
      assertThat(queue.size()).isEqualTo(reference.values().stream().mapToInt(List::size).sum());
    }
  }
}

package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Replications written beside the next one's simulation: in order, one at a time, failures not lost. */
class ReplicationWriterTest {

  @Test
  void submitReturnsWhileTheWriteGoesOnOnItsOwnThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    try (ReplicationWriter<String> w = new ReplicationWriter<>(s -> {
      threads.add(Thread.currentThread().getName());
      await(release);
      return s + " written";
    }, "test-writer")) {
      Future<String> f = w.submit("rep 1");
      assertThat(f.isDone()).as("the submitter does not wait for its own write").isFalse();
      release.countDown();
      assertThat(ReplicationWriter.await(f)).isEqualTo("rep 1 written");
    }
    assertThat(threads).containsExactly("test-writer");
  }

  @Test
  void aSecondReplicationWaitsForThePreviousWriteSoAtMostOneIsHeld() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    try (ReplicationWriter<String> w = new ReplicationWriter<>(s -> {
      if (s.equals("rep 1")) {
        await(release);
      }
      order.add(s);
      return s;
    }, "test-writer")) {
      w.submit("rep 1");
      AtomicBoolean secondSubmitted = new AtomicBoolean();
      Thread second = new Thread(() -> {
        try {
          w.submit("rep 2");
          secondSubmitted.set(true);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      second.start();
      second.join(300);
      assertThat(secondSubmitted).as("rep 2 queued while rep 1 is being written").isFalse();
      release.countDown();
      second.join(10_000);
      assertThat(secondSubmitted).isTrue();
      ReplicationWriter.await(w.submit("rep 3"));
    }
    assertThat(order).containsExactly("rep 1", "rep 2", "rep 3");
  }

  @Test
  void aFailedWriteStopsTheNextReplicationAndIsRethrownAsThrown() throws Exception {
    UncheckedIOException failure = new UncheckedIOException("cannot write results into /x: disk full",
        new java.io.IOException("disk full"));
    try (ReplicationWriter<String> w = new ReplicationWriter<>(s -> {
      throw failure;
    }, "test-writer")) {
      Future<String> f = w.submit("rep 1");
      assertThatThrownBy(() -> ReplicationWriter.await(f)).isSameAs(failure);
      assertThatThrownBy(() -> w.submit("rep 2")).isSameAs(failure);
    }
  }

  @Test
  void closeWaitsForTheWriteInProgress() throws Exception {
    AtomicBoolean finished = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    ReplicationWriter<String> w = new ReplicationWriter<>(s -> {
      started.countDown();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        throw new IllegalStateException("the write was interrupted", e);
      }
      finished.set(true);
      return s;
    }, "test-writer");
    w.submit("rep 1");
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    w.close();
    assertThat(finished).as("a failed run discards the staging folder only after this").isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}

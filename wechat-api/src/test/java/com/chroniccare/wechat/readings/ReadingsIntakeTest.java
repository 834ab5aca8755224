package com.chroniccare.wechat.readings;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.core.ReadingOutcome;
import com.chroniccare.core.ReadingStatus;
import com.chroniccare.core.ReadingSubmission;
import com.chroniccare.core.ReadingsApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A group whose store transaction fails is retried one submission at a time. The database cannot be made to fail
 * for one patient on demand, so the readings module is a stand-in here; the rest of the intake is tested over HTTP
 * in ReadingsIntakeIT.
 */
class ReadingsIntakeTest {

    private static final long UNSTORABLE = 13;

    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final List<List<Long>> groups = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ReadingsIntake intake = new ReadingsIntake(readings(), alerting(), meters);

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        intake.destroy();
    }

    @Test
    void aSubmissionThatCannotBeStoredFailsOnlyItsOwnRequest() throws Exception {
        CompletableFuture<ReadingsIntake.Assessed> first = CompletableFuture.supplyAsync(() -> intake.submit(1, List.of()));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ReadingsIntake.Assessed> bad = CompletableFuture.supplyAsync(() -> intake.submit(UNSTORABLE, List.of()));
        CompletableFuture<ReadingsIntake.Assessed> good = CompletableFuture.supplyAsync(() -> intake.submit(2, List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("care.readings.waiting").gauge().value() == 2);
        releaseFirst.countDown();

        assertThat(good.join().stored().outcomes()).extracting(ReadingOutcome::status).containsExactly(ReadingStatus.CREATED);
        assertThat(first.join().stored().outcomes()).hasSize(1);
        assertThatThrownBy(bad::join).hasRootCauseMessage("cannot store patient 13");
        // The two that waited were tried together, then each alone.
        assertThat(groups).containsExactly(List.of(1L), List.of(UNSTORABLE, 2L), List.of(UNSTORABLE), List.of(2L));
    }

    /** Stores anything but patient 13's submissions; the first call waits until released. */
    private ReadingsApi readings() {
        return (ReadingsApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ReadingsApi.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("recordAll")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    List<ReadingSubmission> submissions = (List<ReadingSubmission>) args[0];
                    groups.add(submissions.stream().map(ReadingSubmission::patientId).toList());
                    if (groups.size() == 1) {
                        firstStarted.countDown();
                        releaseFirst.await();
                    }
                    if (submissions.stream().anyMatch(s -> s.patientId() == UNSTORABLE)) {
                        throw new IllegalStateException("cannot store patient " + UNSTORABLE);
                    }
                    return submissions.stream().map(s -> new ReadingSubmission.Result(List.of(
                            new ReadingOutcome("c-" + s.patientId(), ReadingStatus.CREATED, s.patientId(), null, null)),
                            null)).toList();
                });
    }

    private AlertingApi alerting() {
        return (AlertingApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{AlertingApi.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("assess")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return new AlertingApi.Assessments(List.of(), Map.of());
                });
    }
}

package com.chroniccare.wechat.readings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.alerting.ReadingAssessment;
import com.chroniccare.core.CareException;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingOutcome;
import com.chroniccare.core.ReadingSubmission;
import com.chroniccare.core.ReadingsApi;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Stores and assesses submitted readings in groups, in two stages that overlap: one thread stores, another assesses
 * what was stored. Each stage takes everything waiting for it (up to about {@link ReadingsApi#MAX_BATCH} readings)
 * into one transaction: a lone request on a quiet service goes straight through, while under load one store
 * transaction, one event publication and one evaluation serve many patients. That is what lets single-reading
 * requests from many phones scale the way one patient's offline batch does. One thread per stage keeps the groups
 * large: two writers that each stored and then assessed made groups half the size, took 10% more CPU per request
 * and handled fewer requests.
 */
@Component
class ReadingsIntake implements DisposableBean {

    /**
     * What a submission came to: its outcomes, the assessment of each stored reading by reading id, and the paging
     * of the alerts its patient's readings raised.
     */
    record Assessed(ReadingSubmission.Result stored, Map<Long, ReadingAssessment> assessments, Runnable paging) {
    }

    private static final Runnable NOTHING_TO_PAGE = () -> { };

    private record Pending(ReadingSubmission submission, CompletableFuture<Assessed> result) {

        int size() {
            return submission.readings().size();
        }
    }

    private record Stored(Pending pending, ReadingSubmission.Result result) {

        int size() {
            return pending.size();
        }
    }

    private final ReadingsApi readings;
    private final AlertingApi alerting;
    private final BlockingQueue<Pending> toStore = new LinkedBlockingQueue<>();
    private final BlockingQueue<Stored> toAssess = new LinkedBlockingQueue<>();
    private final ExecutorService stages = Executors.newFixedThreadPool(2, task -> {
        Thread t = new Thread(task, "readings-intake");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    ReadingsIntake(ReadingsApi readings, AlertingApi alerting, MeterRegistry meters) {
        this.readings = readings;
        this.alerting = alerting;
        Gauge.builder("care.readings.waiting", toStore, BlockingQueue::size)
                .description("Submissions of readings waiting to be stored").register(meters);
        stages.execute(() -> run(toStore, Pending::size, group -> toAssess.addAll(store(group))));
        stages.execute(() -> run(toAssess, Stored::size, this::assess));
    }

    /**
     * Stores and assesses one request's readings of a patient, together with whatever else is waiting, and pages the
     * alerts they raised before it returns.
     */
    Assessed submit(long patientId, List<ReadingInput> inputs) {
        Pending pending = new Pending(new ReadingSubmission(patientId, inputs), new CompletableFuture<>());
        toStore.add(pending);
        if (closed && toStore.remove(pending)) {
            throw shuttingDown();
        }
        try {
            Assessed assessed = pending.result().join();
            assessed.paging().run();
            return assessed;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A stage: takes what waits in its queue, as one group of at most about MAX_BATCH readings, and works on it. */
    private <T> void run(BlockingQueue<T> queue, ToIntFunction<T> size, Consumer<List<T>> work) {
        try {
            while (!closed) {
                List<T> group = new ArrayList<>();
                T next = queue.take();
                int readings = 0;
                do {
                    group.add(next);
                    readings += size.applyAsInt(next);
                } while (readings < ReadingsApi.MAX_BATCH && (next = queue.poll()) != null);
                work.accept(group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One transaction for the group; if that fails, each submission alone, so that one that cannot be stored fails
     * only its own request.
     */
    private List<Stored> store(List<Pending> group) {
        try {
            List<ReadingSubmission.Result> results = readings.recordAll(group.stream().map(Pending::submission).toList());
            List<Stored> stored = new ArrayList<>(group.size());
            for (int i = 0; i < group.size(); i++) {
                if (results.get(i).refused() != null) {
                    group.get(i).result().complete(new Assessed(results.get(i), Map.of(), NOTHING_TO_PAGE));
                } else {
                    stored.add(new Stored(group.get(i), results.get(i)));
                }
            }
            return stored;
        } catch (RuntimeException | Error e) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(e);
                return List.of();
            }
            return group.stream().flatMap(pending -> store(List.of(pending)).stream()).toList();
        }
    }

    /**
     * One evaluation for the group's stored readings; if that fails, each submission's alone. The paging is left to
     * the requests, each its own patient's: a slow WeChat then holds up the requests whose readings raised alerts, as
     * it did before readings were grouped, not every request behind them.
     */
    private void assess(List<Stored> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            AlertingApi.Assessments assessed = alerting.assess(group.stream()
                    .flatMap(s -> s.result().outcomes().stream()).map(ReadingOutcome::reading).filter(Objects::nonNull)
                    .toList());
            Map<Long, ReadingAssessment> byReading = new HashMap<>();
            assessed.assessments().forEach(a -> byReading.put(a.readingId(), a));
            Map<Long, Runnable> paging = new HashMap<>(assessed.paging());
            for (Stored s : group) {
                Runnable page = paging.remove(s.pending().submission().patientId());
                s.pending().result().complete(new Assessed(s.result(), byReading, page == null ? NOTHING_TO_PAGE : page));
            }
        } catch (RuntimeException | Error e) {
            if (group.size() == 1) {
                group.get(0).pending().result().completeExceptionally(e);
            } else {
                group.forEach(s -> assess(List.of(s)));
            }
        }
    }

    /** Graceful shutdown has let the requests in flight finish; anything still waiting is answered as unavailable. */
    @Override
    public void destroy() {
        closed = true;
        stages.shutdownNow();
        for (Pending pending; (pending = toStore.poll()) != null; ) {
            pending.result().completeExceptionally(shuttingDown());
        }
        for (Stored stored; (stored = toAssess.poll()) != null; ) {
            stored.pending().result().completeExceptionally(shuttingDown());
        }
    }

    private static CareException shuttingDown() {
        return new CareException(ProblemCode.SERVICE_UNAVAILABLE, "problem.unavailable");
    }
}

package com.chroniccare.groups.reward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.chroniccare.alerting.Advice;
import com.chroniccare.alerting.AlertingApi;
import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.Page;
import com.chroniccare.core.PatientDeleted;
import com.chroniccare.core.Reading;
import com.chroniccare.core.ReadingQuery;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingsApi;
import com.chroniccare.core.ReadingsRecorded;
import com.chroniccare.groups.Award;
import com.chroniccare.groups.Sticker;
import com.chroniccare.groups.StickersApi;
import com.chroniccare.groups.config.GroupsProperties;
import com.chroniccare.groups.feed.FeedService;
import com.chroniccare.reminder.Adherence;
import com.chroniccare.reminder.DoseTaken;
import com.chroniccare.reminder.DosesApi;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stickers earned for clinically meaningful progress, not activity: the first reading, 7 and 30 days in a row of
 * logging, 7 days in a row of every dose taken, and a re-check done when a reading's advice asked for one. A streak's reward is keyed by the day the streak began, so it is
 * earned once per streak however many readings or retries follow; a new streak after a gap earns it again.
 */
@Service
public class Rewards implements StickersApi {

    private static final Duration RECHECK_WITHIN = Duration.ofHours(1);
    private static final Set<Advice> RECHECK_ADVICE = EnumSet.of(Advice.TREAT_LOW_RECHECK_15_MIN,
            Advice.REMEASURE_BP_5_MIN, Advice.RETEST_GLUCOSE);

    private final AwardMapper awards;
    private final FeedService feed;
    private final ReadingsApi readings;
    private final AlertingApi alerting;
    private final DosesApi doses;
    private final AccountsApi accounts;
    private final GroupsProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    Rewards(AwardMapper awards, FeedService feed, ReadingsApi readings, AlertingApi alerting, DosesApi doses,
            AccountsApi accounts, GroupsProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.awards = awards;
        this.feed = feed;
        this.readings = readings;
        this.alerting = alerting;
        this.doses = doses;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public List<Sticker> catalogue() {
        return properties.catalogue();
    }

    @Override
    public List<Award> awardsOf(long userId) {
        return awards.of(userId);
    }

    /**
     * Late back-filled readings count for the day they were measured, so they can complete a streak. What the
     * patients hold, their time zones and the days they measured are read once for all patients of the event. Not
     * one transaction (each award is its own): a re-check asks alerting for the earlier reading's advice, which may
     * wait for that reading's evaluation in another thread, and nothing should be held meanwhile.
     */
    @Async
    @TransactionalEventListener
    void on(ReadingsRecorded event) {
        Map<Long, List<ReadingsRecorded.Item>> byPatient = event.byPatient();
        // A patient who deleted their account meanwhile has no time zone and earns nothing.
        Map<Long, ZoneId> zones = accounts.timeZones(byPatient.keySet());
        Map<Long, Set<AwardMapper.Key>> held = new HashMap<>();
        awards.heldBy(zones.keySet()).forEach(h -> held.computeIfAbsent(h.userId(), u -> new HashSet<>()).add(h.key()));
        // Days are local to the patient: a streak runs over the days around each reading's day.
        Map<Long, SortedSet<LocalDate>> readingDays = new HashMap<>();
        Map<Long, ZonedDateTime> since = new HashMap<>();
        zones.forEach((patientId, zone) -> {
            SortedSet<LocalDate> days = byPatient.get(patientId).stream()
                    .map(r -> r.measuredAt().atZone(zone).toLocalDate()).collect(Collectors.toCollection(TreeSet::new));
            readingDays.put(patientId, days);
            since.put(patientId, days.first().minusDays(60).atStartOfDay(zone));
        });
        Map<Long, SortedSet<LocalDate>> measured = readings.daysMeasured(since);
        // A re-check follows a reading whose advice asked for one: the advice of all those readings, at once.
        Map<Long, List<Reading>> preceding = new HashMap<>();
        List<ReadingsApi.Window> lone = new ArrayList<>();
        zones.keySet().forEach(patientId ->
                preceding.put(patientId, preceding(patientId, byPatient.get(patientId), lone)));
        readings.newestIn(lone).forEach(r -> preceding.get(r.patientId()).add(r));
        List<Reading> earlier = preceding.values().stream().flatMap(List::stream).toList();
        List<Advice> advice = alerting.adviceFor(earlier);
        Set<Long> askedForRecheck = new HashSet<>();
        for (int i = 0; i < earlier.size(); i++) {
            if (RECHECK_ADVICE.contains(advice.get(i))) {
                askedForRecheck.add(earlier.get(i).id());
            }
        }
        event.forEachPatient((patientId, recorded) -> {
            if (zones.containsKey(patientId)) {
                Held patient = new Held(patientId, held.getOrDefault(patientId, new HashSet<>()));
                patient.award("FIRST_READING", "once", "flower", "第一次记录血糖或血压");
                preceding.get(patientId).stream().filter(r -> askedForRecheck.contains(r.id())).forEach(r ->
                        patient.award("RECHECK_AFTER_ALERT", "reading-" + r.id(), "applause", "按提醒及时复测"));
                streaks(patient, readingDays.get(patientId), measured.get(patientId));
            }
        });
    }

    private void streaks(Held held, SortedSet<LocalDate> days, SortedSet<LocalDate> measured) {
        for (LocalDate day : days) {
            Run run = runAround(measured, day);
            if (run.days() >= 7) {
                held.award("LOGGING_7_DAYS", run.since().toString(), "thumbs-up", "连续 7 天记录健康数据");
            }
            if (run.days() >= 30) {
                held.award("LOGGING_30_DAYS", run.since().toString(), "strong-arm", "连续 30 天记录健康数据");
            }
        }
    }

    /**
     * The reading just before each of the patient's new ones: of the same type, within the hour before it. Taking
     * one within that hour is a re-check if that earlier reading's advice asked for one (treat a low and re-check,
     * re-measure a very high pressure, re-test a high glucose); it is earned once per reading that asked. The hour
     * before a lone reading of a type is added to {@code lone} instead, to be read with all others of the event.
     */
    private List<Reading> preceding(long patientId, List<ReadingsRecorded.Item> batch, List<ReadingsApi.Window> lone) {
        Map<Long, Reading> previous = new LinkedHashMap<>();
        for (ReadingType type : ReadingType.values()) {
            List<Instant> at = batch.stream().filter(r -> r.type() == type).map(ReadingsRecorded.Item::measuredAt).sorted()
                    .toList();
            if (at.size() == 1) {
                lone.add(new ReadingsApi.Window(patientId, type, at.get(0).minus(RECHECK_WITHIN), at.get(0)));
            }
            if (at.size() < 2) {
                continue;
            }
            // Newest first: the patient's readings of this type from an hour before the batch's first to its last.
            Page<Reading> around = readings.list(patientId, new ReadingQuery(type, at.get(0).minus(RECHECK_WITHIN),
                    at.get(at.size() - 1), null, 2 * ReadingsApi.MAX_BATCH));
            for (ReadingsRecorded.Item r : batch) {
                if (r.type() == type) {
                    // A window too full to load at once: this reading's own hour instead.
                    List<Reading> candidates = around.nextCursor() == null ? around.items() : readings.list(patientId,
                            new ReadingQuery(type, r.measuredAt().minus(RECHECK_WITHIN), r.measuredAt(), null, 1)).items();
                    candidates.stream().filter(p -> p.measuredAt().isBefore(r.measuredAt())
                                    && !p.measuredAt().isBefore(r.measuredAt().minus(RECHECK_WITHIN)))
                            .findFirst().ifPresent(p -> previous.putIfAbsent(p.id(), p));
                }
            }
        }
        return new ArrayList<>(previous.values());
    }

    /** Consecutive days with a reading. */
    record Run(long days, LocalDate since) {
    }

    /** The run of consecutive days in {@code days} that contains {@code day} (which has a reading). */
    static Run runAround(SortedSet<LocalDate> days, LocalDate day) {
        LocalDate start = day;
        while (days.contains(start.minusDays(1))) {
            start = start.minusDays(1);
        }
        LocalDate end = day;
        while (days.contains(end.plusDays(1))) {
            end = end.plusDays(1);
        }
        return new Run(end.toEpochDay() - start.toEpochDay() + 1, start);
    }

    @ApplicationModuleListener
    void on(DoseTaken event) {
        long patientId = event.patientId();
        for (Adherence a : doses.adherence(patientId, 30)) {
            if (a.streakDays() >= 7) {
                award(patientId, "ADHERENCE_7_DAYS", a.streakSince().toString(), "heart", "连续 7 天按时服用" + a.medication());
            }
        }
    }

    /** What one patient holds, read once for a whole event. */
    private final class Held {
        final long patientId;
        final Set<AwardMapper.Key> keys;

        Held(long patientId, Set<AwardMapper.Key> keys) {
            this.patientId = patientId;
            this.keys = keys;
        }

        void award(String reward, String period, String sticker, String reason) {
            if (keys.add(new AwardMapper.Key(reward, period))) {
                Rewards.this.award(patientId, reward, period, sticker, reason);
            }
        }
    }

    /** Awards once per period; only the first award (not a retry) is celebrated where the patient opted in. */
    private void award(long patientId, String reward, String period, String sticker, String reason) {
        tx.executeWithoutResult(status -> {
            if (awards.award(patientId, reward, period, sticker, reason, clock.instant()) == 1) {
                feed.celebrate(patientId, "award-" + reward + "-" + period, "获得了「" + reason + "」贴纸，给自己鼓个掌！");
            }
        });
    }

    @ApplicationModuleListener
    void on(PatientDeleted event) {
        awards.eraseOf(event.patientId());
    }
}

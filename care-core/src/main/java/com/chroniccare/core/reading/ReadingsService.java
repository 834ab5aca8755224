package com.chroniccare.core.reading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.MeterFlag;
import com.chroniccare.core.Page;
import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Reading;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingOutcome;
import com.chroniccare.core.ReadingQuery;
import com.chroniccare.core.ReadingSubmission;
import com.chroniccare.core.ReadingsRecorded;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingStatus;
import com.chroniccare.core.ReadingSummary;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingValues;
import com.chroniccare.core.ReadingsApi;
import com.chroniccare.core.Symptom;
import com.chroniccare.core.Violation;
import com.chroniccare.core.config.CoreProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReadingsService implements ReadingsApi {

    private static final Set<Integer> SUMMARY_DAYS = Set.of(7, 30);
    private static final Comparator<ReadingValues> HISTORY_ORDER = Comparator.comparingLong(ReadingValues::patientId)
            .thenComparing(ReadingValues::type)
            .thenComparing(Comparator.comparing(ReadingValues::measuredAt).thenComparingLong(ReadingValues::id).reversed());

    private final ReadingMapper mapper;
    private final ReadingInserts inserts;
    private final ReadingReads reads;
    private final ConsentApi consents;
    private final AuditApi audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReadingChecker checker;
    private final Duration lateAfter;

    ReadingsService(ReadingMapper mapper, ReadingInserts inserts, ReadingReads reads, ConsentApi consents,
                    AuditApi audit, ApplicationEventPublisher events, Clock clock, CoreProperties properties) {
        this.mapper = mapper;
        this.inserts = inserts;
        this.reads = reads;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.checker = new ReadingChecker(properties.readings());
        this.lateAfter = properties.readings().lateAfter();
    }

    @Override
    @Transactional
    public List<ReadingOutcome> record(long patientId, List<ReadingInput> readings) {
        return recordAll(List.of(new ReadingSubmission(patientId, readings))).get(0).outcomesOrThrow();
    }

    @Override
    @Transactional
    public List<ReadingSubmission.Result> recordAll(List<ReadingSubmission> submissions) {
        // Weak networks resend whole batches, sometimes while the first attempt is still running. Serialising a
        // patient's submissions makes the resend wait and then find every reading as a DUPLICATE, instead of racing
        // it. The locks come before any other read, so this transaction's snapshot includes what the other committed.
        List<Long> patients = submissions.stream().map(ReadingSubmission::patientId).distinct().sorted().toList();
        mapper.lockPatients(patients);
        Set<Long> consented = consents.consentedAmong(patients, ConsentScope.HEALTH_DATA);
        Instant now = clock.instant();
        Map<Long, Map<String, ReadingDO>> stored = storedByClientId(submissions);
        List<ReadingDO> fresh = new ArrayList<>();
        List<List<Slot>> slots = new ArrayList<>(submissions.size());
        List<CareException> refused = new ArrayList<>(submissions.size());
        for (ReadingSubmission submission : submissions) {
            CareException refusal = submission.readings().isEmpty() || submission.readings().size() > MAX_BATCH
                    ? CareException.invalid(Violation.of("readings", "SIZE", "reading.batch-size", MAX_BATCH))
                    : consented.contains(submission.patientId()) ? null : consents.consentRequired(ConsentScope.HEALTH_DATA);
            refused.add(refusal);
            slots.add(refusal != null ? null : store(submission, stored.computeIfAbsent(submission.patientId(),
                    p -> new HashMap<>()), fresh, now));
        }
        if (!fresh.isEmpty()) {
            // One multi-row insert; the patient locks above keep other requests from adding these clientIds meanwhile.
            inserts.insertAll(fresh);
            events.publishEvent(new ReadingsRecorded(fresh.stream().map(row -> new ReadingsRecorded.Item(row.id,
                    row.patientId, row.type, row.measuredAt, row.lateBackfill)).toList()));
        }
        // No audit row here: a patient's own new reading is its own record (patient_id, received_at). Reads and
        // changes by anyone, deletions and consent changes are audited.
        List<ReadingSubmission.Result> results = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            results.add(refused.get(i) != null ? new ReadingSubmission.Result(null, refused.get(i))
                    : new ReadingSubmission.Result(slots.get(i).stream().map(Slot::outcome).toList(), null));
        }
        return results;
    }

    /** The stored readings with the submissions' client ids, per patient and client id, in one query. */
    private Map<Long, Map<String, ReadingDO>> storedByClientId(List<ReadingSubmission> submissions) {
        Map<Long, Set<String>> clientIds = new HashMap<>();
        for (ReadingSubmission submission : submissions) {
            submission.readings().stream().map(ReadingInput::clientId).filter(ReadingChecker::validClientId)
                    .forEach(c -> clientIds.computeIfAbsent(submission.patientId(), p -> new HashSet<>()).add(c));
        }
        Map<Long, Map<String, ReadingDO>> stored = new HashMap<>();
        if (!clientIds.isEmpty()) {
            mapper.byClientIds(clientIds).forEach(row ->
                    stored.computeIfAbsent(row.patientId, p -> new HashMap<>()).put(row.clientId, row));
        }
        return stored;
    }

    /**
     * Checks a submission's readings against each other and what the patient has stored ({@code byClientId}, which
     * this extends), adding the new rows to {@code fresh}.
     */
    private List<Slot> store(ReadingSubmission submission, Map<String, ReadingDO> byClientId, List<ReadingDO> fresh,
                             Instant now) {
        List<Slot> slots = new ArrayList<>(submission.readings().size());
        for (ReadingInput in : submission.readings()) {
            Problem problem = checker.check(in, now);
            if (problem != null) {
                slots.add(new Slot(in.clientId(), ReadingStatus.REJECTED, null, problem));
                continue;
            }
            ReadingDO row = toRow(submission.patientId(), in, now);
            ReadingDO earlier = byClientId.putIfAbsent(in.clientId(), row);
            if (earlier == null) {
                fresh.add(row);
                slots.add(new Slot(in.clientId(), ReadingStatus.CREATED, row, null));
            } else if (earlier.contentHash.equals(row.contentHash)) {
                slots.add(new Slot(in.clientId(), ReadingStatus.DUPLICATE, earlier, null));
            } else {
                slots.add(new Slot(in.clientId(), ReadingStatus.REJECTED, earlier, null));
            }
        }
        return slots;
    }

    /** What one submitted reading came to; a new row's id is known only once the batch is inserted. */
    private record Slot(String clientId, ReadingStatus status, ReadingDO row, Problem problem) {

        ReadingOutcome outcome() {
            if (problem != null) {
                return ReadingOutcome.rejected(clientId, problem);
            }
            if (status == ReadingStatus.REJECTED) {
                return ReadingOutcome.rejected(clientId, new Problem(ProblemCode.READING_CONFLICT,
                        "reading.client-id-conflict", List.of(row.id), List.of(
                        Violation.of("clientId", "CONFLICT", "reading.client-id-conflict", row.id))));
            }
            return new ReadingOutcome(clientId, status, row.id, row.deletedAt == null ? toReading(row) : null, null);
        }
    }

    @Override
    public Page<Reading> list(long patientId, ReadingQuery q) {
        Cursor after = Cursor.decode(q.after());
        List<ReadingDO> rows = reads.page(patientId, q.type(), q.from(), q.to(),
                after == null ? null : after.measuredAt, after == null ? null : after.id, q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<ReadingDO> page = more ? rows.subList(0, q.limit()) : rows;
        String next = more ? new Cursor(page.get(page.size() - 1).measuredAt, page.get(page.size() - 1).id).encode() : null;
        return new Page<>(page.stream().map(ReadingsService::toReading).toList(), next);
    }

    @Override
    public Reading get(long patientId, long readingId) {
        ReadingDO row = mapper.active(patientId, readingId);
        if (row == null) {
            throw CareException.notFound();
        }
        return toReading(row);
    }

    @Override
    public List<Reading> newestIn(List<Window> windows) {
        return windows.isEmpty() ? List.of() : reads.newestIn(windows).stream().map(ReadingsService::toReading).toList();
    }

    @Override
    public List<ReadingValues> history(List<Window> windows, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        // SQL promises no order for a union's rows, whatever each part's ORDER BY.
        List<ReadingValues> rows = new ArrayList<>(reads.history(windows, limit));
        rows.sort(HISTORY_ORDER);
        return rows;
    }

    @Override
    public List<Reading> recorded(List<Long> readingIds) {
        if (readingIds.isEmpty()) {
            return List.of();
        }
        Map<Long, ReadingDO> byId = new HashMap<>();
        mapper.activeIn(readingIds).forEach(row -> byId.put(row.id, row));
        return readingIds.stream().filter(byId::containsKey).map(id -> toReading(byId.get(id))).toList();
    }

    @Override
    public Optional<Reading> latest(long patientId, ReadingType type) {
        return reads.page(patientId, type, null, null, null, null, 1).stream().findFirst().map(ReadingsService::toReading);
    }

    @Override
    public Map<Long, SortedSet<LocalDate>> daysMeasured(Map<Long, ZonedDateTime> since) {
        Map<Long, SortedSet<LocalDate>> days = new HashMap<>();
        since.keySet().forEach(patientId -> days.put(patientId, new TreeSet<>()));
        if (!since.isEmpty()) {
            Map<Long, Instant> from = new HashMap<>();
            since.forEach((patientId, at) -> from.put(patientId, at.toInstant()));
            reads.measuredSince(from).forEach(m ->
                    days.get(m.patientId()).add(m.at().atZone(since.get(m.patientId()).getZone()).toLocalDate()));
        }
        return days;
    }

    @Override
    public ReadingSummary summary(long patientId, int days) {
        if (!SUMMARY_DAYS.contains(days)) {
            throw CareException.invalid(Violation.of("days", "INVALID", "reading.summary-days"));
        }
        Instant since = clock.instant().minus(days, ChronoUnit.DAYS);
        Map<String, Object> g = lowerKeys(mapper.glucoseStats(patientId, since));
        Map<String, Object> bp = lowerKeys(mapper.bloodPressureStats(patientId, since));
        long glucoseCount = number(g.get("n")).longValue();
        BigDecimal inRange = number(g.get("in_range"));
        BigDecimal tir = glucoseCount == 0 ? null
                : inRange.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(glucoseCount), 1, RoundingMode.HALF_UP);
        return new ReadingSummary(days,
                new ReadingSummary.Glucose(glucoseCount, scaled(g.get("mean"), 2), scaled(g.get("mn"), 2),
                        scaled(g.get("mx"), 2), tir),
                new ReadingSummary.BloodPressure(number(bp.get("n")).longValue(), scaled(bp.get("sys"), 1),
                        scaled(bp.get("dia"), 1), scaled(bp.get("pulse"), 1)));
    }

    @Override
    @Transactional
    public void delete(long actorId, long patientId, long readingId) {
        if (mapper.softDelete(patientId, readingId, clock.instant()) == 0) {
            throw CareException.notFound();
        }
        audit.record(actorId, patientId, "READING_DELETED", "reading " + readingId);
    }

    /** Every reading of a patient, oldest first, for their data export. */
    public List<Reading> allOf(long patientId) {
        return mapper.allOf(patientId).stream().map(ReadingsService::toReading).toList();
    }

    /** Erases a patient's readings for good, as part of deleting their account. */
    public void eraseAll(long patientId) {
        mapper.eraseAll(patientId);
    }

    private ReadingDO toRow(long patientId, ReadingInput in, Instant now) {
        ReadingDO row = new ReadingDO();
        row.patientId = patientId;
        row.clientId = in.clientId();
        row.type = in.type();
        row.measuredAt = in.measuredAt().truncatedTo(ChronoUnit.MILLIS);
        row.receivedAt = now;
        row.lateBackfill = Duration.between(row.measuredAt, now).compareTo(lateAfter) > 0;
        row.source = in.source() == null ? ReadingSource.MANUAL : in.source();
        row.note = in.note();
        Set<Symptom> symptoms = in.symptoms() == null || in.symptoms().isEmpty() ? Set.of() : EnumSet.copyOf(in.symptoms());
        row.symptoms = symptoms.isEmpty() ? null : symptoms.stream().map(Enum::name).collect(Collectors.joining(","));
        if (in.type() == ReadingType.GLUCOSE) {
            ReadingInput.Glucose g = in.glucose();
            ReadingChecker.MeterRange range = ReadingChecker.MeterRange.of(g.unit());
            BigDecimal censored = g.flag() == MeterFlag.LO ? range.low : g.flag() == MeterFlag.HI ? range.high : null;
            row.glucoseUnit = g.unit();
            row.glucoseValue = g.value() != null ? g.value() : censored;
            row.glucoseMmol = g.unit().toMmol(censored != null ? censored : g.value());
            row.glucoseContext = g.context() == null ? GlucoseContext.RANDOM : g.context();
            row.glucoseFlag = g.flag();
        } else {
            row.systolic = in.bloodPressure().systolic();
            row.diastolic = in.bloodPressure().diastolic();
            row.pulse = in.bloodPressure().pulse();
        }
        row.contentHash = contentHash(row);
        return row;
    }

    /** Hash of what the patient measured (not when it arrived), to tell a resend from a different reading. */
    private static String contentHash(ReadingDO r) {
        String canonical = String.join("|", Arrays.asList(r.type.name(), String.valueOf(r.measuredAt.toEpochMilli()),
                r.glucoseValue == null ? "" : r.glucoseValue.stripTrailingZeros().toPlainString(),
                Objects.toString(r.glucoseUnit, ""), Objects.toString(r.glucoseContext, ""),
                Objects.toString(r.glucoseFlag, ""), Objects.toString(r.systolic, ""),
                Objects.toString(r.diastolic, ""), Objects.toString(r.pulse, ""),
                Objects.toString(r.symptoms, ""), r.source.name(), Objects.toString(r.note, "")));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reading toReading(ReadingDO r) {
        Set<Symptom> symptoms = r.symptoms == null ? Set.of() : Arrays.stream(r.symptoms.split(","))
                .map(Symptom::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Symptom.class)));
        return new Reading(r.id, r.patientId, r.clientId, r.type, r.measuredAt, r.receivedAt,
                Boolean.TRUE.equals(r.lateBackfill), r.glucoseMmol, r.glucoseValue, r.glucoseUnit, r.glucoseContext,
                r.glucoseFlag, r.systolic, r.diastolic, r.pulse, symptoms, r.source, r.note);
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> row) {
        Map<String, Object> lower = new HashMap<>();
        if (row != null) {
            row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        }
        return lower;
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static BigDecimal scaled(Object value, int scale) {
        return value == null ? null : number(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** Opaque keyset cursor: base64url of "epochMillis:id" of the last row returned. */
    private record Cursor(Instant measuredAt, long id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (measuredAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw CareException.invalid(Violation.of("cursor", "INVALID", "page.cursor-invalid"));
            }
        }
    }
}

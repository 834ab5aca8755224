package com.chroniccare.wechat.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.chroniccare.core.AccountsApi;
import com.chroniccare.core.CareTeam;
import com.chroniccare.core.CareTeamsApi;
import com.chroniccare.core.ConsentApi;
import com.chroniccare.core.ConsentScope;
import com.chroniccare.core.GlucoseContext;
import com.chroniccare.core.GlucoseUnit;
import com.chroniccare.core.Invite;
import com.chroniccare.core.ProfileUpdate;
import com.chroniccare.core.ReadingInput;
import com.chroniccare.core.ReadingSource;
import com.chroniccare.core.ReadingType;
import com.chroniccare.core.ReadingsApi;
import com.chroniccare.core.Role;
import com.chroniccare.core.UserAccount;
import com.chroniccare.reminder.MedicationsApi;
import com.chroniccare.reminder.PlanInput;
import com.chroniccare.reminder.Schedule;
import com.chroniccare.wechat.config.WeChatProperties;
import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.subscribe.Decision;
import com.chroniccare.wechat.subscribe.Source;
import com.chroniccare.wechat.subscribe.SubscriptionLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a demo care team on first start of the embedded default, through the same APIs the HTTP layer uses, so a
 * newcomer can try every flow with curl. Accounts are bound to sandbox login codes (see README).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "care.demo.seed", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AccountsApi accounts;
    private final CareTeamsApi teams;
    private final ConsentApi consents;
    private final ReadingsApi readings;
    private final MedicationsApi medications;
    private final SubscriptionLedger subscriptions;
    private final WeChatProperties.Templates templates;
    private final Clock clock;
    private final String adminUsername;
    private final String adminPassword;

    DemoData(AccountsApi accounts, CareTeamsApi teams, ConsentApi consents, ReadingsApi readings,
             MedicationsApi medications, SubscriptionLedger subscriptions, WeChatProperties properties, Clock clock,
             @Value("${care.bootstrap.admin-username}") String adminUsername,
             @Value("${care.bootstrap.admin-password}") String adminPassword) {
        this.accounts = accounts;
        this.teams = teams;
        this.consents = consents;
        this.readings = readings;
        this.medications = medications;
        this.subscriptions = subscriptions;
        this.templates = properties.templates();
        this.clock = clock;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        UserAccount admin = accounts.staffLogin(adminUsername, adminPassword);
        if (!teams.teamsOf(admin.id()).isEmpty()) {
            return;
        }
        CareTeam team = teams.create(admin.id(), "示范社区慢病团队");
        staff(admin, team, Role.DOCTOR, "demo-doctor", "doctor", "doctor-demo-pass", "王医生", 2);
        staff(admin, team, Role.CLINICIAN, "demo-clinician", "clinician", "clinician-demo-pass", "李护士", 1);
        Invite join = teams.createTeamInvite(admin.id(), team.id());
        long p1 = patient(join, 1, "张阿姨", List.of("T2D"), this::diabetesWeek);
        long p2 = patient(join, 2, "刘大爷", List.of("HTN"), this::hypertensionWeek);
        long p3 = patient(join, 3, "陈叔叔", List.of("T2D", "HTN"), now -> {
            List<ReadingInput> both = new ArrayList<>(diabetesWeek(now));
            both.addAll(hypertensionWeek(now));
            return both;
        });
        medication(p1, "二甲双胍", "500 mg", "饭后服用", "08:00", "20:00");
        medication(p2, "氨氯地平", "5 mg", null, "08:00");
        medication(p3, "二甲双胍", "500 mg", "饭后服用", "08:00", "20:00");
        medication(p3, "缬沙坦", "80 mg", null, "08:00");
        log.info("Demo data seeded: care team {} with a doctor, a clinician and three patients", team.id());
    }

    private void staff(UserAccount admin, CareTeam team, Role role, String code, String username, String password,
                       String name, int tier) {
        Invite invite = teams.createStaffInvite(admin.id(), role);
        UserAccount user = accounts.loginWithWeChat(WeChatSandbox.openidFor(code), invite.code()).user();
        accounts.setCredentials(user.id(), username, password);
        accounts.updateProfile(user.id(), new ProfileUpdate(name, null, null, null, GlucoseUnit.MMOL_L, SHANGHAI));
        teams.addMember(admin.id(), team.id(), user.id(), tier);
        subscriptions.record(user.id(), templates.alert(), Decision.ACCEPT, Source.APP, clock.instant());
    }

    private long patient(Invite join, int n, String name, List<String> conditions,
                         java.util.function.Function<Instant, List<ReadingInput>> history) {
        UserAccount patient = accounts.loginWithWeChat(WeChatSandbox.openidFor("demo-patient-" + n), join.code()).user();
        accounts.updateProfile(patient.id(), new ProfileUpdate(name, 1950 + 5 * n, n == 1 ? "FEMALE" : "MALE",
                conditions, GlucoseUnit.MMOL_L, SHANGHAI));
        consents.grant(patient.id(), consents.currentPolicyVersion(), EnumSet.allOf(ConsentScope.class));
        readings.record(patient.id(), history.apply(clock.instant().truncatedTo(ChronoUnit.HOURS)));
        for (int i = 0; i < 5; i++) {
            subscriptions.record(patient.id(), templates.reminder(), Decision.ACCEPT, Source.APP, clock.instant());
        }
        return patient.id();
    }

    private void medication(long patientId, String name, String dose, String instructions, String... times) {
        medications.create(patientId, patientId, new PlanInput(name, dose, instructions, new Schedule(List.of(times),
                null, LocalDate.now(clock.withZone(SHANGHAI)), null)));
    }

    private List<ReadingInput> diabetesWeek(Instant now) {
        List<ReadingInput> week = new ArrayList<>();
        String[] fasting = {"6.8", "7.4", "6.1", "7.9", "6.5", "5.9", "3.6"};
        String[] afterMeals = {"9.8", "11.2", "8.7", "12.6", "10.1", "9.0", "10.4"};
        for (int day = 0; day < 7; day++) {
            Instant morning = now.minus(Duration.ofDays(7 - day)).minus(Duration.ofHours(2));
            week.add(glucose("demo-g-f" + day + "-" + now.getEpochSecond(), morning, fasting[day], GlucoseContext.FASTING));
            week.add(glucose("demo-g-p" + day + "-" + now.getEpochSecond(), morning.plus(Duration.ofHours(5)),
                    afterMeals[day], GlucoseContext.POST_MEAL_2H));
        }
        return week;
    }

    private List<ReadingInput> hypertensionWeek(Instant now) {
        List<ReadingInput> week = new ArrayList<>();
        int[][] pressures = {{142, 88}, {138, 86}, {151, 94}, {135, 84}, {147, 92}, {162, 101}, {140, 89}};
        for (int day = 0; day < 7; day++) {
            Instant morning = now.minus(Duration.ofDays(7 - day)).minus(Duration.ofHours(1));
            week.add(new ReadingInput("demo-bp" + day + "-" + now.getEpochSecond(), ReadingType.BLOOD_PRESSURE, morning,
                    null, new ReadingInput.BloodPressure(pressures[day][0], pressures[day][1], 72 + day), Set.of(),
                    ReadingSource.DEVICE, null));
        }
        return week;
    }

    private static ReadingInput glucose(String clientId, Instant at, String mmol, GlucoseContext context) {
        return new ReadingInput(clientId, ReadingType.GLUCOSE, at,
                new ReadingInput.Glucose(new BigDecimal(mmol), GlucoseUnit.MMOL_L, context, null), null, Set.of(),
                ReadingSource.MANUAL, null);
    }
}

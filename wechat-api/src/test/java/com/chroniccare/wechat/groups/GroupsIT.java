package com.chroniccare.wechat.groups;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.chroniccare.wechat.sandbox.WeChatSandbox;
import com.chroniccare.wechat.support.Api;
import com.chroniccare.wechat.support.CareTeamFixture;
import com.chroniccare.wechat.support.IntegrationTest;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Support groups end to end through the HTTP API, the real WxJava client and the sandbox's content check. */
@IntegrationTest
class GroupsIT {

    @LocalServerPort
    int port;
    @Autowired
    WeChatSandbox sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Value("${care.wechat.callback-token}")
    String callbackToken;
    Api api;
    CareTeamFixture.Staff doctor;
    String groupId;
    String invite;
    Api.Patient alice;
    Api.Patient bob;

    @BeforeEach
    void setUp() {
        // User ids restart with a fresh database; rate counters an earlier run left in Redis must not count.
        redis.delete(redis.keys("care:grp:rate:*"));
        api = new Api(port);
        doctor = CareTeamFixture.create(api, jdbc).doctor();
        Api.Response created = api.post("/api/v1/groups", doctor.token(), Map.of("name", "糖友互助小组",
                "description", "每周分享控糖经验", "condition", "T2D"));
        assertThat(created.status()).isEqualTo(201);
        groupId = created.body().get("id").asString();
        invite = created.body().get("inviteCode").asString();
        alice = member();
        bob = member();
    }

    Api.Patient member() {
        Api.Patient p = api.consentedPatient();
        assertThat(api.post("/api/v1/groups/" + groupId + "/members", p.token(), Map.of("inviteCode", invite)).status())
                .isEqualTo(200);
        return p;
    }

    Api.Response post(Api.Patient p, String text) {
        return api.post("/api/v1/groups/" + groupId + "/posts", p.token(),
                Map.of("clientId", UUID.randomUUID().toString(), "text", text));
    }

    JsonNode feed(String token) {
        return api.get("/api/v1/groups/" + groupId + "/feed", token).body();
    }

    List<String> texts(JsonNode feed) {
        List<String> texts = new ArrayList<>();
        feed.get("items").forEach(i -> texts.add(i.get("text").asString()));
        return texts;
    }

    @Test
    void membersPostReactAndReadTheFeedPinnedBroadcastsFirst() {
        Map<String, Object> body = Map.of("clientId", "post-1-" + alice.id(), "text", "今天空腹血糖 6.1，坚持走路有用！");
        Api.Response first = api.post("/api/v1/groups/" + groupId + "/posts", alice.token(), body);
        assertThat(first.status()).isEqualTo(201);
        String postId = first.body().get("post").get("id").asString();
        Api.Response retry = api.post("/api/v1/groups/" + groupId + "/posts", alice.token(), body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("post").get("id").asString()).isEqualTo(postId);

        api.post("/api/v1/posts/" + postId + "/reactions", bob.token(), Map.of("sticker", "heart"));
        api.post("/api/v1/posts/" + postId + "/reactions", bob.token(), Map.of("sticker", "applause"));
        api.post("/api/v1/posts/" + postId + "/reactions", bob.token(), Map.of("sticker", "heart"));
        api.post("/api/v1/posts/" + postId + "/reactions", alice.token(), Map.of("sticker", "heart"));
        JsonNode seenByBob = feed(bob.token()).get("items").get(0);
        assertThat(seenByBob.get("stickers").get("heart").asInt()).isEqualTo(2);
        assertThat(seenByBob.get("stickers").get("applause").asInt()).isEqualTo(1);
        assertThat(seenByBob.get("myStickers").toString()).contains("heart", "applause");
        assertThat(seenByBob.get("mine").asBoolean()).isFalse();
        assertThat(seenByBob.has("authorId")).isFalse();
        assertThat(seenByBob.get("authorName").asString()).startsWith("病友");

        JsonNode after = api.delete("/api/v1/posts/" + postId + "/reactions?sticker=applause", bob.token()).body();
        assertThat(after.get("stickers").has("applause")).isFalse();
        assertThat(feed(bob.token()).get("items").get(0).get("stickers").has("applause")).isFalse();
        assertThat(api.post("/api/v1/posts/" + postId + "/reactions", bob.token(), Map.of("sticker", "rocket"))
                .body().get("code").asString()).isEqualTo("VALIDATION_FAILED");

        // A broadcast with notification reaches members who allowed group notices, and is pinned on top.
        api.post("/api/v1/subscriptions", alice.token(), Map.of("results", Map.of("sandbox-group-template", "accept")));
        Api.Response broadcast = api.post("/api/v1/groups/" + groupId + "/broadcasts", doctor.token(), Map.of(
                "title", "本周讲座", "text", "周六上午 9 点社区卫生服务中心讲低血糖处理。", "pinned", true, "notify", true));
        assertThat(broadcast.status()).isEqualTo(201);
        assertThat(broadcast.body().get("notified").asInt()).isEqualTo(1);
        assertThat(sandbox.messagesTo(WeChatSandbox.openidFor(alice.code()))).singleElement()
                .satisfies(m -> assertThat(m.data().toString()).contains("糖友互助小组", "本周讲座"));
        post(bob, "我也想参加");
        JsonNode items = feed(alice.token()).get("items");
        assertThat(items.get(0).get("kind").asString()).isEqualTo("BROADCAST");
        assertThat(items.get(0).get("pinned").asBoolean()).isTrue();
        assertThat(items.get(1).get("text").asString()).isEqualTo("我也想参加");
    }

    @Test
    void onlyMembersSeeAFeedAndOnlyTheDoctorModerates() {
        String postId = post(alice, "大家好").body().get("post").get("id").asString();
        Api.Patient stranger = api.consentedPatient();
        assertThat(api.get("/api/v1/groups/" + groupId + "/feed", stranger.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/posts/" + postId + "/reactions", stranger.token(), Map.of("sticker", "heart"))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/groups/" + groupId + "/members", stranger.token(), Map.of("inviteCode", "WRONG123"))
                .body().get("code").asString()).isEqualTo("INVITE_INVALID");
        assertThat(api.post("/api/v1/posts/" + postId + "/hide", bob.token(), Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/groups/" + groupId + "/reports", bob.token()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/groups", alice.token(), Map.of("name", "x", "condition", "T2D")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/groups", alice.token()).body().get(0).has("inviteCode")).isFalse();

        String token = api.login("no-groups-" + UUID.randomUUID());
        String version = api.get("/api/v1/me/consents", token).body().get("policyVersion").asString();
        api.post("/api/v1/me/consents", token, Map.of("policyVersion", version, "scopes", List.of("HEALTH_DATA")));
        assertThat(api.post("/api/v1/groups/" + groupId + "/members", token, Map.of("inviteCode", invite))
                .body().get("code").asString()).isEqualTo("CONSENT_REQUIRED");

        // Muted members cannot post until the mute ends; a member who leaves no longer sees the group.
        assertThat(api.post("/api/v1/groups/" + groupId + "/mutes", doctor.token(), Map.of("userId", bob.id(),
                "until", Instant.now().plus(Duration.ofHours(1)).toString())).status()).isEqualTo(204);
        assertThat(post(bob, "我想说话").status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/groups/" + groupId + "/members/me", alice.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/groups/" + groupId + "/feed", alice.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/groups/" + groupId + "/members/me", doctor.token()).status()).isEqualTo(409);
    }

    @Test
    void contentIsCheckedRiskyRefusedReviewHeldAndWeChatDownMeansHeldNotPublished() {
        Api.Response risky = post(alice, "加我微信 " + WeChatSandbox.RISKY_WORD);
        assertThat(risky.status()).isEqualTo(422);
        assertThat(risky.body().get("code").asString()).isEqualTo("CONTENT_REJECTED");
        Api.Response local = post(alice, "这里有包治百病的方子");
        assertThat(local.status()).isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grp_post WHERE group_id = ?", Integer.class,
                Long.parseLong(groupId))).isZero();

        Api.Response review = post(alice, "这个药我吃了 " + WeChatSandbox.REVIEW_WORD);
        assertThat(review.status()).isEqualTo(202);
        assertThat(review.body().get("heldBecause").asString()).isEqualTo("REVIEW");
        // WxJava retries -1 three times; four failures leave the check unanswered.
        sandbox.failNextContentChecks(-1, 4);
        Api.Response unchecked = post(bob, "今天血压 128/80");
        assertThat(unchecked.status()).isEqualTo(202);
        assertThat(unchecked.body().get("heldBecause").asString()).isEqualTo("CHECK_UNAVAILABLE");
        assertThat(feed(bob.token()).get("items")).isEmpty();

        JsonNode queue = api.get("/api/v1/groups/" + groupId + "/reports", doctor.token()).body();
        assertThat(queue.findValuesAsString("status")).containsOnly("HELD");
        assertThat(queue).hasSize(2);
        String heldId = unchecked.body().get("post").get("id").asString();
        assertThat(api.post("/api/v1/posts/" + heldId + "/approve", doctor.token(), Map.of()).body()
                .get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(texts(feed(bob.token()))).containsExactly("今天血压 128/80");
        assertThat(api.post("/api/v1/posts/" + heldId + "/approve", doctor.token(), Map.of()).status()).isEqualTo(409);

        // A broadcast held for review notifies members only once the doctor approves it.
        api.post("/api/v1/subscriptions", bob.token(), Map.of("results", Map.of("sandbox-group-template", "accept")));
        Api.Response held = api.post("/api/v1/groups/" + groupId + "/broadcasts", doctor.token(), Map.of(
                "title", "用药提醒", "text", "请按时服药 " + WeChatSandbox.REVIEW_WORD, "pinned", false, "notify", true));
        assertThat(held.status()).isEqualTo(202);
        assertThat(sandbox.messagesTo(WeChatSandbox.openidFor(bob.code()))).isEmpty();
        api.post("/api/v1/posts/" + held.body().get("post").get("id").asString() + "/approve", doctor.token(), Map.of());
        assertThat(sandbox.messagesTo(WeChatSandbox.openidFor(bob.code()))).singleElement()
                .satisfies(m -> assertThat(m.data().toString()).contains("用药提醒"));
    }

    @Test
    void reportsHideAPostUntilTheDoctorRestoresIt() {
        String postId = post(alice, "分享一个小窍门").body().get("post").get("id").asString();
        Api.Patient carol = member();
        Api.Patient dave = member();
        for (Api.Patient p : List.of(bob, carol, bob)) {
            assertThat(api.post("/api/v1/posts/" + postId + "/reports", p.token(), Map.of("reason", "广告")).status())
                    .isEqualTo(202);
        }
        assertThat(texts(feed(dave.token()))).containsExactly("分享一个小窍门");
        api.post("/api/v1/posts/" + postId + "/reports", dave.token(), Map.of("reason", "广告"));
        assertThat(feed(dave.token()).get("items")).isEmpty();
        JsonNode queued = api.get("/api/v1/groups/" + groupId + "/reports", doctor.token()).body().get(0);
        assertThat(queued.get("status").asString()).isEqualTo("HIDDEN");
        assertThat(queued.get("reports").asInt()).isEqualTo(3);
        assertThat(queued.get("authorId").asString()).isEqualTo(alice.id());

        api.post("/api/v1/posts/" + postId + "/restore", doctor.token(), Map.of());
        assertThat(texts(feed(dave.token()))).containsExactly("分享一个小窍门");
        api.post("/api/v1/posts/" + postId + "/hide", doctor.token(), Map.of());
        assertThat(feed(dave.token()).get("items")).isEmpty();
        assertThat(api.get("/api/v1/me/export", alice.token()).body().get("auditTrail").findValuesAsString("action"))
                .contains("GROUP_POST_HIDDEN_BY_REPORTS", "GROUP_POST_RESTORED", "GROUP_POST_HIDDEN");
    }

    @Test
    void theFeedPagesByKeysetAndRebuildsItsCacheAfterItIsLost() {
        List<Api.Patient> authors = List.of(alice, bob, member());
        for (int i = 0; i < 12; i++) {
            assertThat(post(authors.get(i % 3), "第 " + i + " 条").status()).isEqualTo(201);
        }
        List<String> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/groups/" + groupId + "/feed?limit=5" + (cursor == null ? "" : "&cursor=" + cursor),
                    alice.token()).body();
            pages.add(String.join("|", texts(page)));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(pages).containsExactly("第 11 条|第 10 条|第 9 条|第 8 条|第 7 条",
                "第 6 条|第 5 条|第 4 条|第 3 条|第 2 条", "第 1 条|第 0 条");

        // A first page larger than the cached head is read from MySQL, in the same order.
        assertThat(String.join("|", texts(api.get("/api/v1/groups/" + groupId + "/feed?limit=30", alice.token()).body())))
                .isEqualTo(String.join("|", pages));

        JsonNode cached = feed(bob.token());
        redis.delete(redis.keys("care:grp:feed*"));
        assertThat(feed(bob.token())).isEqualTo(cached);
        assertThat(api.get("/api/v1/groups/" + groupId + "/feed?cursor=garbage", bob.token()).status()).isEqualTo(400);

        // Alice posted 4 of the 12 in this minute; her sixth is one too many.
        assertThat(post(alice, "刷屏").status()).isEqualTo(201);
        assertThat(post(alice, "再刷屏").body().get("code").asString()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void stickersAreEarnedForProgressOncePerStreakEvenWhenAwardedConcurrently() throws Exception {
        assertThat(api.get("/api/v1/stickers", alice.token()).body().findValuesAsString("code"))
                .containsExactly("applause", "thumbs-up", "heart", "strong-arm", "flower");
        assertThat(api.put("/api/v1/groups/" + groupId + "/members/me", alice.token(), Map.of("celebrate", true))
                .status()).isEqualTo(204);
        // A week of readings synced at once after a stretch offline: two concurrent batches.
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> second = new ArrayList<>();
        // Now and every 24 h before it: seven consecutive days in Shanghai at any time of day (07:30 "today" is
        // still in the future between 16:00 and 23:30 UTC, which made this test fail then).
        Instant now = Instant.now().minus(Duration.ofMinutes(1));
        for (int d = 6; d >= 0; d--) {
            Instant at = now.minus(Duration.ofDays(d));
            (d % 2 == 0 ? first : second).add(Map.of("clientId", "g" + d + "-" + UUID.randomUUID(),
                    "type", "GLUCOSE", "measuredAt", at.toString(), "source", "DEVICE",
                    "glucose", Map.of("value", 6.2, "unit", "MMOL_L", "context", "FASTING")));
        }
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> api.post("/api/v1/readings", alice.token(), Map.of("readings", first)));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> api.post("/api/v1/readings", alice.token(), Map.of("readings", second)));
        CompletableFuture.allOf(a, b).join();

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class) == 0);
        JsonNode earned = api.get("/api/v1/me/stickers", alice.token()).body();
        assertThat(earned.findValuesAsString("reward")).containsExactlyInAnyOrder("LOGGING_7_DAYS", "FIRST_READING");
        assertThat(Set.copyOf(earned.findValuesAsString("sticker"))).containsExactlyInAnyOrder("thumbs-up", "flower");
        assertThat(earned.get(0).get("reason").asString()).isNotBlank();
        assertThat(api.get("/api/v1/me/stickers", bob.token()).body()).isEmpty();
        // Alice opted in: each sticker is celebrated once in her group; Bob did not, and nothing of his appears.
        JsonNode celebrations = feed(bob.token()).get("items");
        assertThat(celebrations.findValuesAsString("kind")).containsOnly("CELEBRATION").hasSize(2);
        assertThat(celebrations.findValuesAsString("text")).anyMatch(t -> t.contains("连续 7 天记录健康数据"));
    }

    @Test
    void sevenDaysOfEveryDoseTakenEarnsTheAdherenceStickerOnce() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        String now = LocalTime.now(zone).toString().substring(0, 5);
        String planId = api.post("/api/v1/medications", alice.token(), Map.of("name", "二甲双胍", "dose", "500 mg",
                "schedule", Map.of("timesOfDay", List.of(now), "startDate", today.minusDays(10).toString())))
                .body().get("id").asString();
        // The week before: every dose taken (written directly; the API only creates doses from now on).
        for (int d = 1; d <= 7; d++) {
            Instant due = today.minusDays(d).atTime(LocalTime.parse(now)).atZone(zone).toInstant();
            jdbc.update("INSERT INTO rem_dose (plan_id, patient_id, due_at, local_date, status, taken_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, 'TAKEN', ?, ?)", Long.parseLong(planId), Long.parseLong(alice.id()),
                    java.sql.Timestamp.from(due), java.sql.Date.valueOf(today.minusDays(d)), java.sql.Timestamp.from(due),
                    java.sql.Timestamp.from(due));
        }
        String doseId = api.get("/api/v1/reminders", alice.token()).body().get("items").get(0).get("id").asString();
        api.post("/api/v1/reminders/" + doseId + "/taken", alice.token(), null);
        api.post("/api/v1/reminders/" + doseId + "/taken", alice.token(), null);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/me/stickers", alice.token())
                .body().findValuesAsString("reward").contains("ADHERENCE_7_DAYS"));
        assertThat(jdbc.queryForObject("SELECT period_key FROM grp_award WHERE user_id = ? AND reward = 'ADHERENCE_7_DAYS'",
                String.class, Long.parseLong(alice.id()))).isEqualTo(today.minusDays(7).toString());
    }

    @Test
    void imagesWaitForWeChatsAsynchronousCheckAndRiskyImagesNeverAppear() {
        Api.Response withImages = api.post("/api/v1/groups/" + groupId + "/posts", alice.token(), Map.of(
                "clientId", "img-" + UUID.randomUUID(), "text", "今天的午餐", "imageMediaIds", List.of("m-lunch-1", "m-lunch-2")));
        assertThat(withImages.status()).isEqualTo(202);
        assertThat(withImages.body().get("heldBecause").asString()).isEqualTo("IMAGE_CHECK");
        long postId = Long.parseLong(withImages.body().get("post").get("id").asString());
        List<String> traces = jdbc.queryForList("SELECT trace_id FROM grp_media_check WHERE post_id = ? ORDER BY media_id",
                String.class, postId);
        assertThat(traces).hasSize(2);

        imageVerdict(traces.get(0), "pass");
        assertThat(feed(bob.token()).get("items")).isEmpty();
        imageVerdict(traces.get(1), "pass");
        imageVerdict(traces.get(1), "risky"); // a repeated callback changes nothing
        JsonNode shown = feed(bob.token()).get("items").get(0);
        assertThat(shown.get("text").asString()).isEqualTo("今天的午餐");
        assertThat(shown.get("imageMediaIds").toString()).contains("m-lunch-1", "m-lunch-2");

        Api.Response risky = api.post("/api/v1/groups/" + groupId + "/posts", bob.token(), Map.of(
                "clientId", "img-" + UUID.randomUUID(), "text", "看这个", "imageMediaIds", List.of("m-bad")));
        String trace = jdbc.queryForObject("SELECT trace_id FROM grp_media_check WHERE post_id = ?", String.class,
                Long.parseLong(risky.body().get("post").get("id").asString()));
        imageVerdict(trace, "risky");
        assertThat(texts(feed(alice.token()))).containsExactly("今天的午餐");
        assertThat(api.get("/api/v1/groups/" + groupId + "/reports", doctor.token()).body().get(0)
                .get("status").asString()).isEqualTo("HIDDEN");
    }

    @Test
    void aReCheckDoneWhenTheAdviceAskedForOneEarnsASticker() {
        Instant low = Instant.now().minus(Duration.ofMinutes(10));
        JsonNode first = api.post("/api/v1/readings", alice.token(), Map.of("readings", List.of(glucose(2.8, low))))
                .body().get("results").get(0);
        assertThat(first.get("advice").get("code").asString()).isEqualTo("TREAT_LOW_RECHECK_15_MIN");
        api.post("/api/v1/readings", alice.token(), Map.of("readings", List.of(glucose(5.6, Instant.now()))));
        // Bob's second reading follows one that asked for nothing.
        api.post("/api/v1/readings", bob.token(), Map.of("readings", List.of(glucose(6.0, low))));
        api.post("/api/v1/readings", bob.token(), Map.of("readings", List.of(glucose(6.2, Instant.now()))));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class) == 0);
        assertThat(api.get("/api/v1/me/stickers", alice.token()).body().findValuesAsString("reward"))
                .contains("RECHECK_AFTER_ALERT");
        assertThat(api.get("/api/v1/me/stickers", bob.token()).body().findValuesAsString("reward"))
                .containsExactly("FIRST_READING");
    }

    static Map<String, Object> glucose(double mmol, Instant at) {
        return Map.of("clientId", UUID.randomUUID().toString(), "type", "GLUCOSE", "measuredAt", at.toString(),
                "glucose", Map.of("value", mmol, "unit", "MMOL_L", "context", "RANDOM"));
    }

    @Test
    void exportCarriesGroupDataAndErasureRemovesIt() {
        String postId = post(alice, "我的第一条").body().get("post").get("id").asString();
        api.post("/api/v1/posts/" + postId + "/reactions", bob.token(), Map.of("sticker", "flower"));
        JsonNode export = api.get("/api/v1/me/export", alice.token()).body();
        assertThat(export.get("groups").get(0).get("name").asString()).isEqualTo("糖友互助小组");
        assertThat(export.get("groupPosts").get(0).get("text").asString()).isEqualTo("我的第一条");
        assertThat(export.has("stickersEarned")).isTrue();

        assertThat(api.delete("/api/v1/me", alice.token()).status()).isEqualTo(204);
        long id = Long.parseLong(alice.id());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT (SELECT COUNT(*) FROM grp_post WHERE author_id = ?) + (SELECT COUNT(*) FROM grp_member"
                        + " WHERE user_id = ?) + (SELECT COUNT(*) FROM grp_reaction WHERE post_id = ?)",
                Integer.class, id, id, Long.parseLong(postId)) == 0);
        assertThat(feed(bob.token()).get("items")).isEmpty();
    }

    /** WeChat's wxa_media_check push, signed as WeChat signs plaintext pushes. */
    void imageVerdict(String traceId, String suggest) {
        String body = "{\"ToUserName\":\"gh_x\",\"FromUserName\":\"o-wechat\",\"CreateTime\":" + System.currentTimeMillis() / 1000
                + ",\"MsgType\":\"event\",\"Event\":\"wxa_media_check\",\"appid\":\"wx-sandbox-app\",\"trace_id\":\""
                + traceId + "\",\"version\":2,\"result\":{\"suggest\":\"" + suggest + "\",\"label\":"
                + ("pass".equals(suggest) ? 100 : 20002) + "}}";
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000), nonce = UUID.randomUUID().toString();
        Api.Response r = api.send(api.request("/wechat/callback?signature=" + SHA1.gen(callbackToken, timestamp, nonce)
                + "&timestamp=" + timestamp + "&nonce=" + nonce, null)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).isEqualTo(200);
    }
}

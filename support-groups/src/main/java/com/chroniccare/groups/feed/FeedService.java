package com.chroniccare.groups.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.chroniccare.core.AuditApi;
import com.chroniccare.core.CareException;
import com.chroniccare.core.Page;
import com.chroniccare.core.PatientDeleted;
import com.chroniccare.core.Problem;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Violation;
import com.chroniccare.groups.BroadcastInput;
import com.chroniccare.groups.ContentCheck;
import com.chroniccare.groups.GroupInput;
import com.chroniccare.groups.GroupNotifier;
import com.chroniccare.groups.GroupView;
import com.chroniccare.groups.GroupsApi;
import com.chroniccare.groups.PostInput;
import com.chroniccare.groups.PostKind;
import com.chroniccare.groups.PostOutcome;
import com.chroniccare.groups.PostStatus;
import com.chroniccare.groups.PostView;
import com.chroniccare.groups.Sticker;
import com.chroniccare.groups.config.GroupsProperties;
import com.chroniccare.groups.group.GroupDO;
import com.chroniccare.groups.group.GroupService;
import com.chroniccare.groups.group.MemberDO;
import com.chroniccare.groups.group.MemberMapper;
import com.chroniccare.groups.reward.AwardMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feeds, posting with moderation, reactions and reports. Every text goes through the local word list and then
 * WeChat's check: risky is refused, review (or no answer from WeChat) is held for the group's doctor, pass is
 * published. Nothing refused is stored.
 */
@Service
public class FeedService implements GroupsApi {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_TEXT = 2000;
    private static final int MAX_IMAGES = 9;
    private static final int MAX_PAGE = 50;
    /** Held until WeChat's asynchronous image check answers for every image. */
    private static final String IMAGE_CHECK = "IMAGE_CHECK";

    private final GroupService groups;
    private final MemberMapper members;
    private final PostMapper posts;
    private final ReactionMapper reactions;
    private final ReportMapper reports;
    private final MediaCheckMapper mediaChecks;
    private final FeedCache cache;
    private final ReaderCache readers;
    private final PostRateLimit rateLimit;
    private final ContentCheck contentCheck;
    private final GroupNotifier notifier;
    private final AwardMapper awards;
    private final AuditApi audit;
    private final GroupsProperties properties;
    private final Set<String> stickers;
    private final Clock clock;

    FeedService(GroupService groups, MemberMapper members, PostMapper posts, ReactionMapper reactions,
                ReportMapper reports, MediaCheckMapper mediaChecks, FeedCache cache, ReaderCache readers,
                PostRateLimit rateLimit,
                ContentCheck contentCheck, GroupNotifier notifier, AwardMapper awards, AuditApi audit,
                GroupsProperties properties, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.posts = posts;
        this.reactions = reactions;
        this.reports = reports;
        this.mediaChecks = mediaChecks;
        this.cache = cache;
        this.readers = readers;
        this.rateLimit = rateLimit;
        this.contentCheck = contentCheck;
        this.notifier = notifier;
        this.awards = awards;
        this.audit = audit;
        this.properties = properties;
        this.stickers = new HashSet<>(properties.catalogue().stream().map(Sticker::code).toList());
        this.clock = clock;
    }

    @Override
    public GroupView create(long doctorId, GroupInput input) {
        return groups.create(doctorId, input);
    }

    @Override
    public List<GroupView> mine(long userId) {
        return groups.mine(userId);
    }

    @Override
    public GroupView join(long patientId, long groupId, String inviteCode) {
        GroupView joined = groups.join(patientId, groupId, inviteCode);
        readers.joined(groupId, patientId);
        return joined;
    }

    @Override
    public void leave(long userId, long groupId) {
        groups.leave(userId, groupId);
        readers.left(groupId, userId);
    }

    @Override
    public void celebrate(long userId, long groupId, boolean celebrate) {
        groups.celebrate(userId, groupId, celebrate);
    }

    /**
     * Announces an earned sticker in every group where the member opted in, in the caller's transaction. The text
     * is the service's own, so it needs no content check; {@code key} makes a redelivered award post once.
     */
    public void celebrate(long userId, String key, String text) {
        for (MemberDO member : groups.celebrating(userId)) {
            PostDO p = newPost(member.groupId, member, key + "-" + member.groupId, PostKind.CELEBRATION, null, text,
                    List.of(), false, null);
            if (posts.byClient(userId, p.clientId) == null) {
                posts.insert(p);
                cache.changed(member.groupId);
            }
        }
    }

    @Override
    public void mute(long doctorId, long groupId, long userId, Instant until) {
        groups.mute(doctorId, groupId, userId, until);
    }

    @Override
    public Page<PostView> feed(long userId, long groupId, String cursor, int limit) {
        if (!readers.isMember(groupId, userId, () -> groups.everyone(groupId)).orElse(false)) {
            groups.member(groupId, userId); // the cache could not say, or said no: MySQL decides
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw CareException.invalid(Violation.of("limit", "RANGE", "field.invalid", "1-" + MAX_PAGE));
        }
        List<FeedCache.Item> items = new ArrayList<>();
        boolean more;
        boolean firstPage = cursor == null || cursor.isBlank();
        if (firstPage && limit <= FeedCache.HEAD) {
            FeedCache.Head head = cache.head(groupId, () -> loadHead(groupId));
            items.addAll(head.pinned());
            items.addAll(head.recent().subList(0, Math.min(limit, head.recent().size())));
            more = head.recent().size() > limit;
        } else {
            if (firstPage) {
                items.addAll(items(posts.pinned(groupId)));
            }
            List<PostDO> page = posts.page(groupId, firstPage ? Long.MAX_VALUE : decode(cursor), limit + 1);
            more = page.size() > limit;
            items.addAll(items(page.subList(0, Math.min(limit, page.size()))));
        }
        FeedCache.Item last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = more && last != null && !last.pinned() ? encode(last.id()) : null;
        Map<Long, Set<String>> mine = byPost(readers.myStickers(groupId, userId,
                () -> reactions.mineInGroup(userId, groupId)));
        return new Page<>(items.stream().map(i -> view(i, userId, PostStatus.PUBLISHED, 0,
                mine.getOrDefault(i.id(), Set.of()))).toList(), next);
    }

    @Override
    public PostOutcome post(long userId, long groupId, PostInput input) {
        MemberDO member = groups.member(groupId, userId);
        if (member.mutedUntil != null && member.mutedUntil.isAfter(clock.instant())) {
            throw new CareException(ProblemCode.FORBIDDEN, "group.muted", member.mutedUntil);
        }
        List<Violation> v = new ArrayList<>();
        clientId(v, input.clientId());
        text(v, "text", input.text(), MAX_TEXT);
        List<String> images = input.imageMediaIds() == null ? List.of() : input.imageMediaIds();
        if (images.size() > MAX_IMAGES || images.stream().anyMatch(i -> i == null || i.isBlank() || i.length() > 128)) {
            v.add(Violation.of("imageMediaIds", "INVALID", "group.images", MAX_IMAGES));
        }
        if (!v.isEmpty()) {
            throw new CareException(Problem.invalid(v));
        }
        PostDO existing = posts.byClient(userId, input.clientId());
        if (existing != null) {
            return outcome(existing, userId, false, 0);
        }
        if (!rateLimit.allow(userId, properties.postsPerMinute())) {
            throw new CareException(ProblemCode.RATE_LIMITED, "group.rate-limited", properties.postsPerMinute());
        }
        String held = moderate(userId, input.text());
        if (held == null && !images.isEmpty()) {
            held = IMAGE_CHECK;
        }
        PostDO p = newPost(groupId, member, input.clientId(), PostKind.POST, null, input.text(), images, false, held);
        PostOutcome outcome = store(p, userId, null);
        if (outcome.created() && IMAGE_CHECK.equals(p.heldReason)) {
            requestImageChecks(p, userId, images);
        }
        return outcome;
    }

    /** Asks WeChat about each image; if it cannot take the requests, the post waits for the doctor instead. */
    private void requestImageChecks(PostDO p, long userId, List<String> images) {
        for (String mediaId : images) {
            String trace = contentCheck.checkImageLater(userId, properties.mediaUrl().replace("{id}", mediaId));
            if (trace == null) {
                p.heldReason = "CHECK_UNAVAILABLE";
                posts.saveState(p);
                return;
            }
            mediaChecks.requested(trace, p.id, mediaId, clock.instant());
        }
    }

    @Override
    @Transactional
    public void imageChecked(String traceId, ContentCheck.Suggestion suggestion, String label) {
        Long postId = mediaChecks.postOf(traceId);
        if (postId == null || mediaChecks.answered(traceId, suggestion.name(), label) == 0) {
            return;
        }
        PostDO p = posts.lock(postId);
        if (p == null || p.status != PostStatus.HELD) {
            return; // the doctor already decided
        }
        List<String> verdicts = mediaChecks.verdicts(postId);
        if (verdicts.contains(ContentCheck.Suggestion.RISKY.name())) {
            p.status = PostStatus.HIDDEN;
            p.heldReason = "IMAGE_RISKY";
            audit.record(null, p.authorId, "GROUP_POST_IMAGE_REJECTED", "post " + postId + " WeChat label " + label);
        } else if (verdicts.contains(ContentCheck.Suggestion.REVIEW.name())
                || verdicts.contains(ContentCheck.Suggestion.UNAVAILABLE.name())) {
            p.heldReason = "IMAGE_REVIEW";
        } else if (!verdicts.contains(null) && IMAGE_CHECK.equals(p.heldReason)) {
            p.status = PostStatus.PUBLISHED;
            p.heldReason = null;
            cache.changed(p.groupId);
        }
        posts.saveState(p);
    }

    @Override
    public PostOutcome broadcast(long doctorId, long groupId, BroadcastInput input) {
        MemberDO owner = groups.owner(groupId, doctorId);
        String clientId = input.clientId() == null ? "broadcast-" + clock.millis() + "-" + doctorId : input.clientId();
        List<Violation> v = new ArrayList<>();
        clientId(v, clientId);
        text(v, "title", input.title(), 60);
        text(v, "text", input.text(), MAX_TEXT);
        if (!v.isEmpty()) {
            throw new CareException(Problem.invalid(v));
        }
        PostDO existing = posts.byClient(doctorId, clientId);
        if (existing != null) {
            return outcome(existing, doctorId, false, 0);
        }
        String held = moderate(doctorId, input.title() + "\n" + input.text());
        PostDO p = newPost(groupId, owner, clientId, PostKind.BROADCAST, input.title().strip(), input.text(), List.of(),
                input.pinned(), held);
        p.notifyMembers = input.notifyMembers();
        return store(p, doctorId, input.notifyMembers() && held == null ? groups.group(groupId) : null);
    }

    @Override
    @Transactional
    public PostView react(long userId, long postId, String sticker) {
        PostDO p = visiblePost(userId, postId);
        sticker(sticker);
        reactions.add(postId, userId, sticker, clock.instant());
        cache.changed(p.groupId);
        readers.stickersChanged(p.groupId, userId);
        return reload(p, userId);
    }

    @Override
    @Transactional
    public PostView unreact(long userId, long postId, String sticker) {
        PostDO p = visiblePost(userId, postId);
        sticker(sticker);
        reactions.remove(postId, userId, sticker);
        cache.changed(p.groupId);
        readers.stickersChanged(p.groupId, userId);
        return reload(p, userId);
    }

    @Override
    @Transactional
    public void report(long userId, long postId, String reason) {
        if (reason != null && reason.length() > 255) {
            throw CareException.invalid(Violation.of("reason", "TOO_LONG", "field.too-long", 255));
        }
        PostDO p = visiblePost(userId, postId);
        if (reports.add(postId, userId, reason, clock.instant()) == 0) {
            return;
        }
        PostDO locked = posts.lock(postId);
        locked.reportCount++;
        if (locked.reportCount >= properties.reportsToHide() && locked.status == PostStatus.PUBLISHED) {
            locked.status = PostStatus.HIDDEN;
            locked.heldReason = "REPORTS";
            cache.changed(p.groupId);
            audit.record(null, locked.authorId, "GROUP_POST_HIDDEN_BY_REPORTS", "post " + postId);
        }
        posts.saveState(locked);
    }

    @Override
    public List<PostView> moderationQueue(long doctorId, long groupId) {
        groups.owner(groupId, doctorId);
        List<PostDO> queue = posts.needingReview(groupId);
        Map<Long, Map<String, Integer>> counts = counts(queue.stream().map(p -> p.id).toList());
        return queue.stream().map(p -> {
            PostView v = view(item(p, counts.getOrDefault(p.id, Map.of())), doctorId, p.status, p.reportCount, Set.of());
            return new PostView(v.id(), v.groupId(), v.kind(), v.authorName(), p.authorId, v.mine(), v.title(), v.text(),
                    v.imageMediaIds(), v.pinned(), v.status(), v.stickers(), v.myStickers(), v.reports(), v.createdAt());
        }).toList();
    }

    @Override
    @Transactional
    public PostView approve(long doctorId, long postId) {
        return moderateState(doctorId, postId, PostStatus.HELD, PostStatus.PUBLISHED, "GROUP_POST_APPROVED");
    }

    @Override
    @Transactional
    public PostView hide(long doctorId, long postId) {
        return moderateState(doctorId, postId, null, PostStatus.HIDDEN, "GROUP_POST_HIDDEN");
    }

    @Override
    @Transactional
    public PostView restore(long doctorId, long postId) {
        return moderateState(doctorId, postId, PostStatus.HIDDEN, PostStatus.PUBLISHED, "GROUP_POST_RESTORED");
    }

    @Override
    public Map<String, Object> export(long userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groups", groups.mine(userId));
        out.put("groupPosts", posts.byAuthor(userId).stream()
                .map(p -> view(item(p, Map.of()), userId, p.status, p.reportCount, Set.of())).toList());
        out.put("stickersEarned", awards.of(userId));
        return out;
    }

    @ApplicationModuleListener
    void on(PatientDeleted event) {
        long id = event.patientId();
        Set<Long> touched = new HashSet<>(groups.mine(id).stream().map(GroupView::id).toList());
        reports.eraseOf(id);
        reactions.eraseOf(id);
        mediaChecks.eraseOf(id);
        posts.eraseOf(id);
        members.eraseOf(id);
        touched.forEach(g -> {
            cache.changed(g);
            readers.left(g, id);
        });
    }

    /** A post whose status a doctor changes: the group's owner only; {@code from} null means any status. */
    private PostView moderateState(long doctorId, long postId, PostStatus from, PostStatus to, String action) {
        PostDO p = posts.lock(postId);
        if (p == null) {
            throw CareException.notFound();
        }
        groups.owner(p.groupId, doctorId);
        if (from != null && p.status != from) {
            throw new CareException(ProblemCode.CONFLICT, "group.post-state", p.status);
        }
        p.status = to;
        p.heldReason = to == PostStatus.HIDDEN ? "DOCTOR" : null;
        if (to == PostStatus.PUBLISHED) {
            p.reportCount = 0;
            reports.clear(postId);
        }
        posts.saveState(p);
        cache.changed(p.groupId);
        audit.record(doctorId, p.authorId, action, "post " + postId + " group " + p.groupId);
        if (from == PostStatus.HELD && to == PostStatus.PUBLISHED && Boolean.TRUE.equals(p.notifyMembers)) {
            notifyAfterCommit(p);
        }
        return view(item(p, counts(List.of(postId)).getOrDefault(postId, Map.of())), doctorId, p.status,
                p.reportCount, Set.of());
    }

    /** A held broadcast that asked to notify members does so once the doctor's approval is committed. */
    private void notifyAfterCommit(PostDO p) {
        GroupDO group = groups.group(p.groupId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                notifier.notifyMembers(group.name, p.title, groups.memberIds(p.groupId));
            }
        });
    }

    /** Null if the text may be published now, else why it is held; throws CONTENT_REJECTED if it may not be. */
    private String moderate(long userId, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : properties.sensitiveWords()) {
            if (!word.isBlank() && lower.contains(word.toLowerCase(Locale.ROOT))) {
                audit.record(userId, userId, "GROUP_POST_REJECTED", "local word list");
                throw new CareException(ProblemCode.CONTENT_REJECTED, "group.content-rejected", "sensitive-word");
            }
        }
        ContentCheck.Verdict verdict = contentCheck.check(userId, text);
        return switch (verdict.suggestion()) {
            case PASS -> null;
            case REVIEW -> "REVIEW";
            case UNAVAILABLE -> "CHECK_UNAVAILABLE";
            case RISKY -> {
                audit.record(userId, userId, "GROUP_POST_REJECTED", "WeChat label " + verdict.label());
                throw new CareException(ProblemCode.CONTENT_REJECTED, "group.content-rejected", verdict.label());
            }
        };
    }

    private PostDO newPost(long groupId, MemberDO author, String clientId, PostKind kind, String title, String text,
                           List<String> images, boolean pinned, String held) {
        PostDO p = new PostDO();
        p.groupId = groupId;
        p.authorId = author.userId;
        p.authorName = author.displayName;
        p.clientId = clientId;
        p.kind = kind;
        p.title = title;
        p.text = text.strip();
        p.imageMediaIds = images.isEmpty() ? null : String.join(",", images);
        p.pinned = pinned;
        p.status = held == null ? PostStatus.PUBLISHED : PostStatus.HELD;
        p.heldReason = held;
        p.reportCount = 0;
        p.notifyMembers = false;
        p.createdAt = clock.instant();
        return p;
    }

    /** Inserts; a concurrent retry with the same clientId finds the first one instead. */
    private PostOutcome store(PostDO p, long userId, GroupDO notifyGroup) {
        try {
            posts.insert(p);
        } catch (DuplicateKeyException e) {
            return outcome(posts.byClient(userId, p.clientId), userId, false, 0);
        }
        if (p.status == PostStatus.PUBLISHED) {
            cache.changed(p.groupId);
        }
        audit.record(userId, p.kind == PostKind.POST ? userId : null, "GROUP_" + p.kind + "_" + p.status,
                "post " + p.id + " group " + p.groupId);
        int notified = notifyGroup == null ? 0
                : notifier.notifyMembers(notifyGroup.name, p.title, groups.memberIds(p.groupId));
        return outcome(p, userId, true, notified);
    }

    private PostOutcome outcome(PostDO p, long userId, boolean created, int notified) {
        return new PostOutcome(view(item(p, Map.of()), userId, p.status, p.reportCount, Set.of()), created,
                p.heldReason, notified);
    }

    private PostDO visiblePost(long userId, long postId) {
        PostDO p = posts.selectById(postId);
        if (p == null || p.status != PostStatus.PUBLISHED) {
            throw CareException.notFound();
        }
        groups.member(p.groupId, userId);
        return p;
    }

    private PostView reload(PostDO p, long userId) {
        Map<String, Integer> counts = counts(List.of(p.id)).getOrDefault(p.id, Map.of());
        return view(item(p, counts), userId, p.status, p.reportCount, myStickers(userId, List.of(p.id))
                .getOrDefault(p.id, Set.of()));
    }

    private FeedCache.Head loadHead(long groupId) {
        return new FeedCache.Head(items(posts.pinned(groupId)), items(posts.page(groupId, Long.MAX_VALUE, FeedCache.HEAD + 1)));
    }

    private List<FeedCache.Item> items(List<PostDO> page) {
        Map<Long, Map<String, Integer>> counts = counts(page.stream().map(p -> p.id).toList());
        return page.stream().map(p -> item(p, counts.getOrDefault(p.id, Map.of()))).toList();
    }

    private Map<Long, Map<String, Integer>> counts(Collection<Long> postIds) {
        Map<Long, Map<String, Integer>> out = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (ReactionMapper.Count row : reactions.counts(postIds)) {
                out.computeIfAbsent(row.postId, k -> new TreeMap<>()).put(row.sticker, row.n);
            }
        }
        return out;
    }

    private Map<Long, Set<String>> myStickers(long userId, Collection<Long> postIds) {
        return postIds.isEmpty() ? Map.of() : byPost(reactions.mine(userId, postIds));
    }

    /** "postId:sticker" entries grouped by post. */
    private static Map<Long, Set<String>> byPost(Collection<String> entries) {
        Map<Long, Set<String>> out = new HashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            out.computeIfAbsent(Long.parseLong(entry.substring(0, colon)), k -> new HashSet<>())
                    .add(entry.substring(colon + 1));
        }
        return out;
    }

    private static FeedCache.Item item(PostDO p, Map<String, Integer> counts) {
        return new FeedCache.Item(p.id, p.groupId, p.kind, p.authorId, p.authorName, p.title, p.text,
                p.imageMediaIds == null ? List.of() : Arrays.asList(p.imageMediaIds.split(",")), p.pinned,
                new LinkedHashMap<>(counts), p.createdAt);
    }

    private static PostView view(FeedCache.Item i, long userId, PostStatus status, int reports, Set<String> mine) {
        return new PostView(i.id(), i.groupId(), i.kind(), i.authorName(), null, i.authorId() == userId, i.title(), i.text(),
                i.images(), i.pinned(), status, i.stickers(), mine, reports, i.createdAt());
    }

    private void sticker(String sticker) {
        if (sticker == null || !stickers.contains(sticker)) {
            throw CareException.invalid(Violation.of("sticker", "UNKNOWN_VALUE", "field.unknown-value", sticker,
                    String.join(", ", stickers)));
        }
    }

    private static void clientId(List<Violation> v, String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            v.add(Violation.of("clientId", "INVALID", "reading.client-id"));
        }
    }

    private static void text(List<Violation> v, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            v.add(Violation.of(field, "REQUIRED", "field.required"));
        } else if (value.strip().length() > max) {
            v.add(Violation.of(field, "TOO_LONG", "field.too-long", max));
        }
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("p")) {
                return Long.parseLong(raw.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw CareException.invalid(Violation.of("cursor", "INVALID", "page.cursor-invalid"));
    }
}

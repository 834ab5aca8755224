package com.chroniccare.wechat.groups;

import java.time.Instant;
import java.util.List;

import com.chroniccare.core.CareException;
import com.chroniccare.core.Page;
import com.chroniccare.core.ProblemCode;
import com.chroniccare.core.Role;
import com.chroniccare.groups.Award;
import com.chroniccare.groups.BroadcastInput;
import com.chroniccare.groups.GroupInput;
import com.chroniccare.groups.GroupsApi;
import com.chroniccare.groups.PostInput;
import com.chroniccare.groups.PostOutcome;
import com.chroniccare.groups.Sticker;
import com.chroniccare.groups.StickersApi;
import com.chroniccare.wechat.security.CurrentUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support groups: membership, the feed, posting (201 published, 202 held for review, 200 for a retried clientId),
 * stickers, reports and the owner's moderation.
 */
@RestController
@RequestMapping("/api/v1")
class GroupsController {

    private final GroupsApi groups;
    private final StickersApi stickers;

    GroupsController(GroupsApi groups, StickersApi stickers) {
        this.groups = groups;
        this.stickers = stickers;
    }

    record Join(String inviteCode) {
    }

    record Broadcast(String clientId, String title, String text, boolean pinned,
                     @JsonProperty("notify") boolean notifyMembers) {
    }

    record StickerBody(String sticker) {
    }

    record Report(String reason) {
    }

    record Mute(String userId, Instant until) {
    }

    record Posted(PostItem post, String heldBecause, Integer notified) {
    }

    @GetMapping("/groups")
    List<GroupItem> mine(@AuthenticationPrincipal CurrentUser me) {
        return groups.mine(me.id()).stream().map(GroupItem::from).toList();
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    GroupItem create(@AuthenticationPrincipal CurrentUser me, @RequestBody GroupInput input) {
        if (me.role() != Role.DOCTOR) {
            throw new CareException(ProblemCode.FORBIDDEN, "group.doctors-only");
        }
        return GroupItem.from(groups.create(me.id(), input));
    }

    @PostMapping("/groups/{id}/members")
    GroupItem join(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody Join body) {
        return GroupItem.from(groups.join(me.id(), id, body.inviteCode()));
    }

    @DeleteMapping("/groups/{id}/members/me")
    ResponseEntity<Void> leave(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        groups.leave(me.id(), id);
        return ResponseEntity.noContent().build();
    }

    record Membership(boolean celebrate) {
    }

    /** The member's own settings in a group: whether earned stickers are celebrated in its feed. */
    @PutMapping("/groups/{id}/members/me")
    ResponseEntity<Void> membership(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                                    @RequestBody Membership body) {
        groups.celebrate(me.id(), id, body.celebrate());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/groups/{id}/feed")
    Page<PostItem> feed(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                        @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        return groups.feed(me.id(), id, cursor, limit).map(PostItem::from);
    }

    @PostMapping("/groups/{id}/posts")
    ResponseEntity<Posted> post(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                                @RequestBody PostInput input) {
        return posted(groups.post(me.id(), id, input));
    }

    @PostMapping("/groups/{id}/broadcasts")
    ResponseEntity<Posted> broadcast(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                                     @RequestBody Broadcast body) {
        return posted(groups.broadcast(me.id(), id, new BroadcastInput(body.clientId(), body.title(), body.text(),
                body.pinned(), body.notifyMembers())));
    }

    @PostMapping("/posts/{id}/reactions")
    PostItem react(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody StickerBody body) {
        return PostItem.from(groups.react(me.id(), id, body.sticker()));
    }

    /** The sticker comes in the body, as for POST, or as {@code ?sticker=} for clients that send no DELETE body. */
    @DeleteMapping("/posts/{id}/reactions")
    PostItem unreact(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                     @RequestParam(required = false) String sticker,
                     @RequestBody(required = false) StickerBody body) {
        return PostItem.from(groups.unreact(me.id(), id, sticker != null ? sticker : body == null ? null : body.sticker()));
    }

    @PostMapping("/posts/{id}/reports")
    ResponseEntity<Void> report(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                                @RequestBody(required = false) Report body) {
        groups.report(me.id(), id, body == null ? null : body.reason());
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/groups/{id}/reports")
    List<PostItem> moderationQueue(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return groups.moderationQueue(me.id(), id).stream().map(PostItem::from).toList();
    }

    @PostMapping("/posts/{id}/approve")
    PostItem approve(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return PostItem.from(groups.approve(me.id(), id));
    }

    @PostMapping("/posts/{id}/hide")
    PostItem hide(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return PostItem.from(groups.hide(me.id(), id));
    }

    @PostMapping("/posts/{id}/restore")
    PostItem restore(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return PostItem.from(groups.restore(me.id(), id));
    }

    @PostMapping("/groups/{id}/mutes")
    ResponseEntity<Void> mute(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody Mute body) {
        groups.mute(me.id(), id, userId(body.userId()), body.until());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stickers")
    List<Sticker> catalogue() {
        return stickers.catalogue();
    }

    @GetMapping("/me/stickers")
    List<Award> myStickers(@AuthenticationPrincipal CurrentUser me) {
        return stickers.awardsOf(me.id());
    }

    private static ResponseEntity<Posted> posted(PostOutcome o) {
        HttpStatus status = !o.created() ? HttpStatus.OK
                : o.heldBecause() == null ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(new Posted(PostItem.from(o.post()), o.heldBecause(),
                o.notified() == 0 ? null : o.notified()));
    }

    private static long userId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw CareException.notFound();
        }
    }
}

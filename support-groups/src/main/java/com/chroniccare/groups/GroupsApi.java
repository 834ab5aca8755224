package com.chroniccare.groups;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.chroniccare.core.Page;

/**
 * Groups, their feeds and moderation. A group the caller is not a member of does not exist for them (NOT_FOUND);
 * moderation is for the group's owner only (FORBIDDEN for other members).
 */
public interface GroupsApi {

    GroupView create(long doctorId, GroupInput input);

    List<GroupView> mine(long userId);

    /** Joins with the group's invite code; needs the GROUPS consent. Joining twice is a no-op. */
    GroupView join(long patientId, long groupId, String inviteCode);

    void leave(long userId, long groupId);

    /** The member opts in (or out) of having their earned stickers celebrated in this group's feed. */
    void celebrate(long userId, long groupId, boolean celebrate);

    /** Pinned broadcasts first (first page only), then published posts newest first. */
    Page<PostView> feed(long userId, long groupId, String cursor, int limit);

    PostOutcome post(long userId, long groupId, PostInput input);

    PostOutcome broadcast(long doctorId, long groupId, BroadcastInput input);

    PostView react(long userId, long postId, String sticker);

    PostView unreact(long userId, long postId, String sticker);

    void report(long userId, long postId, String reason);

    /** Held and reported posts of a group, for its owner. */
    List<PostView> moderationQueue(long doctorId, long groupId);

    PostView approve(long doctorId, long postId);

    PostView hide(long doctorId, long postId);

    PostView restore(long doctorId, long postId);

    void mute(long doctorId, long groupId, long userId, Instant until);

    /**
     * WeChat's verdict on one image (the wxa_media_check callback): a post whose images all pass is published, a
     * risky one is hidden, a doubtful one waits for the doctor. Unknown or repeated verdicts change nothing.
     */
    void imageChecked(String traceId, ContentCheck.Suggestion suggestion, String label);

    /** The user's groups, posts and earned stickers, for their PIPL data export. */
    Map<String, Object> export(long userId);
}

package com.chroniccare.groups;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A post as a member sees it: the author by display name only, sticker counts and the caller's own reactions. The
 * author's id is there only for the group's owner in the moderation queue (to mute them).
 */
public record PostView(long id, long groupId, PostKind kind, String authorName, Long authorId, boolean mine, String title,
                       String text, List<String> imageMediaIds, boolean pinned, PostStatus status,
                       Map<String, Integer> stickers, Set<String> myStickers, int reports, Instant createdAt) {
}

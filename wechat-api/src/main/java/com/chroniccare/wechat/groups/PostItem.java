package com.chroniccare.wechat.groups;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chroniccare.groups.PostKind;
import com.chroniccare.groups.PostStatus;
import com.chroniccare.groups.PostView;

/** A post as the API shows it; ids are strings. */
record PostItem(String id, String groupId, PostKind kind, String authorName, String authorId, boolean mine,
                String title, String text, List<String> imageMediaIds, boolean pinned, PostStatus status,
                Map<String, Integer> stickers, Set<String> myStickers, Integer reports, Instant createdAt) {

    static PostItem from(PostView p) {
        return new PostItem(String.valueOf(p.id()), String.valueOf(p.groupId()), p.kind(), p.authorName(),
                p.authorId() == null ? null : String.valueOf(p.authorId()), p.mine(), p.title(), p.text(),
                p.imageMediaIds(), p.pinned(), p.status(), p.stickers(), p.myStickers(),
                p.reports() == 0 ? null : p.reports(), p.createdAt());
    }
}

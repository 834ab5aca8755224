package com.chroniccare.groups;

import java.util.Collection;

/** Tells members about a broadcast (WeChat subscribe messages within each member's authorisations). */
public interface GroupNotifier {

    /** @return how many members were notified */
    int notifyMembers(String groupName, String title, Collection<Long> userIds);
}

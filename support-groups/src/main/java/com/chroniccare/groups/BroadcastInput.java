package com.chroniccare.groups;

/** A doctor's broadcast; {@code notifyMembers} sends members a subscribe message, within what each allowed. */
public record BroadcastInput(String clientId, String title, String text, boolean pinned,
                             boolean notifyMembers) {
}

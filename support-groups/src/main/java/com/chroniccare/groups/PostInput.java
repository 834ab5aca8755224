package com.chroniccare.groups;

import java.util.List;

/** A member's post; {@code clientId} makes a retried post land once. */
public record PostInput(String clientId, String text, List<String> imageMediaIds) {
}

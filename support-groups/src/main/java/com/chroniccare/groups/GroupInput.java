package com.chroniccare.groups;

public record GroupInput(String name, String description, GroupCondition condition) {
}

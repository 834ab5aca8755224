package com.chroniccare.groups;

public record Sticker(String code, String name) {
}

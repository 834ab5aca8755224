package com.chroniccare.core;

public record LoginResult(UserAccount user, boolean newUser) {
}

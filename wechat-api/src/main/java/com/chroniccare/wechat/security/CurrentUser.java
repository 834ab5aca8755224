package com.chroniccare.wechat.security;

import com.chroniccare.core.Role;

/** The authenticated caller, resolved from the bearer token. */
public record CurrentUser(long id, Role role) {
}

package com.chroniccare.wechat.config;

import com.chroniccare.core.AccountsApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the first admin from {@code care.bootstrap.*} so a fresh deployment can be administered at all. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private final AccountsApi accounts;
    private final String username;
    private final String password;

    AdminBootstrap(AccountsApi accounts, @Value("${care.bootstrap.admin-username}") String username,
                   @Value("${care.bootstrap.admin-password}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensureAdmin(username, password);
    }
}

package com.chroniccare.core;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Accounts of patients and staff: WeChat and console log-in, profiles, PIPL export and deletion. */
public interface AccountsApi {

    /** Finds or creates the account of a WeChat user; an invite code binds a staff account or joins a care team. */
    LoginResult loginWithWeChat(String openid, String inviteCode);

    UserAccount staffLogin(String username, String password);

    void setCredentials(long userId, String username, String password);

    UserAccount get(long userId);

    /** The openid the user's WeChat is bound to, for subscribe messages; empty if none (or erased). */
    Optional<String> wechatOpenid(long userId);

    /** The bound openids of those users who have one, in one query, for sending to many. */
    Map<Long, String> wechatOpenids(Collection<Long> userIds);

    /** The time zones of those users whose accounts exist, in one query. */
    Map<Long, ZoneId> timeZones(Collection<Long> userIds);

    /** The active user a WeChat openid belongs to, for callback events. */
    Optional<Long> userOfOpenid(String openid);

    UserAccount updateProfile(long userId, ProfileUpdate update);

    /** Stores the phone number encrypted; it is never returned in plain text except in the owner's export. */
    void savePhone(long userId, String phoneNumber);

    /** Everything held about a patient, for PIPL access and portability. */
    Map<String, Object> export(long userId);

    /** Erases a patient's health data and anonymises the account; publishes {@link PatientDeleted}. */
    void delete(long userId);

    /** Creates the configured first admin if no account has that username yet. */
    void ensureAdmin(String username, String password);
}

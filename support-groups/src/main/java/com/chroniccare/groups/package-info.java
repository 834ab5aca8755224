/**
 * Doctor-led peer support groups: membership by invite, a feed of posts and broadcasts with sticker reactions,
 * moderation, and sticker rewards earned for clinical progress. Its root package is its public API. Content checks
 * and member notifications go through a {@link com.chroniccare.groups.ContentCheck} and a
 * {@link com.chroniccare.groups.GroupNotifier} that the application provides (WeChat).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support groups")
package com.chroniccare.groups;

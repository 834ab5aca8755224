package com.chroniccare.groups;

/** PUBLISHED is in the feed; HELD waits for the group's doctor; HIDDEN was taken down (reports or a doctor). */
public enum PostStatus { PUBLISHED, HELD, HIDDEN }

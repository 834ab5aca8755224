package com.chroniccare.groups;

public enum PostKind { POST, BROADCAST, CELEBRATION }

package com.chroniccare.groups;

/** The doctor who created a group owns and moderates it; everyone else is a member. */
public enum GroupRole { OWNER, MEMBER }

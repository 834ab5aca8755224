package com.chroniccare.groups;

/** What a group is about. */
public enum GroupCondition { T2D, T1D, HTN, OTHER }

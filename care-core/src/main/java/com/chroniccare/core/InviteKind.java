package com.chroniccare.core;

public enum InviteKind {
    /** Single use: creates a staff account with the invite's role when redeemed. */
    STAFF,
    /** Reusable until it expires: a patient redeeming it joins the care team. */
    CARE_TEAM
}

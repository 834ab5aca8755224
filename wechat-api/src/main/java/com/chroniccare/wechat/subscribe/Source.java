package com.chroniccare.wechat.subscribe;

/** Who reported a decision: the mini-program (POST /api/v1/subscriptions) or WeChat's callback. */
public enum Source { APP, CALLBACK }

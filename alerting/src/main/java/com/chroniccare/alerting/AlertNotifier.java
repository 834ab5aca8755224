package com.chroniccare.alerting;

/** Port: delivers a notification to a person's phone (WeChat subscribe messages, implemented in wechat-api). */
public interface AlertNotifier {

    DeliveryResult deliver(AlertMessage message);
}

/**
 * wechat-api: the HTTP API of the mini-program and staff console, WeChat adapters (WxJava) and the WeChat sandbox.
 * Nothing depends on this module; it depends on the other modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeChat API")
package com.chroniccare.wechat;

package com.chroniccare.wechat.sandbox;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists what the in-process sandbox "sent", so a tester can see subscribe messages arrive. Absent in prod. */
@RestController
@ConditionalOnProperty(name = "care.wechat.sandbox.enabled", havingValue = "true")
class SandboxController {

    private final WeChatSandbox sandbox;

    SandboxController(WeChatSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/sandbox/wechat/messages")
    List<WeChatSandbox.SentMessage> messages(@RequestParam String openid) {
        return sandbox.messagesTo(openid);
    }

    @GetMapping("/sandbox/wechat/summary")
    WeChatSandbox.Summary summary() {
        return sandbox.summary();
    }
}

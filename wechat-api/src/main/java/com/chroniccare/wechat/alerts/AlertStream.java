package com.chroniccare.wechat.alerts;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.chroniccare.alerting.AlertChanged;
import com.chroniccare.alerting.AlertView;
import com.chroniccare.alerting.AlertingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The care team's live alert stream. A staff member's browser may be connected to any instance, so alert changes
 * fan out through a Redis channel; each instance forwards them to its own connections, filtered to the patients
 * that connection may see. If Redis is unavailable, changes still reach this instance's connections.
 */
@Component
class AlertStream implements MessageListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
    static final String CHANNEL = "care:alert-changes";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<SseEmitter, Long> connections = new ConcurrentHashMap<>();
    private final StringRedisTemplate redis;
    private final AlertingApi alerting;
    private final ObjectMapper json;

    AlertStream(StringRedisTemplate redis, AlertingApi alerting, ObjectMapper json) {
        this.redis = redis;
        this.alerting = alerting;
        this.json = json;
    }

    SseEmitter connect(long staffId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        connections.put(emitter, staffId);
        emitter.onCompletion(() -> connections.remove(emitter));
        emitter.onTimeout(() -> connections.remove(emitter));
        emitter.onError(e -> connections.remove(emitter));
        // Sent at once so the client (and any proxy) sees the stream open before the first alert.
        send(emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    /**
     * Fans a change out after its transaction commits, together with the transaction's other changes: one message
     * per transaction, as an evaluation of many readings changes many alerts. A plain listener, not a transactional
     * one: the live stream is best effort (the alert list is the record), and a transactional listener would be
     * tracked in the event publication log, whose bookkeeping needs a second connection while the committing one
     * is still held.
     */
    @EventListener
    void on(AlertChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            fanOut(List.of(event.alert()));
            return;
        }
        // Found among the current transaction's synchronizations, so a transaction suspended for a nested one
        // keeps its own changes.
        Changes changes = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Changes.class::isInstance).map(Changes.class::cast).findFirst()
                .orElseGet(() -> {
                    Changes fresh = new Changes();
                    TransactionSynchronizationManager.registerSynchronization(fresh);
                    return fresh;
                });
        changes.alerts.add(event.alert());
    }

    /** One transaction's alert changes, fanned out once it commits. */
    private final class Changes implements TransactionSynchronization {
        final List<AlertView> alerts = new ArrayList<>();

        @Override
        public void afterCommit() {
            fanOut(alerts);
        }
    }

    private void fanOut(List<AlertView> alerts) {
        try {
            redis.convertAndSend(CHANNEL, json.writeValueAsString(alerts));
        } catch (DataAccessException e) {
            log.warn("alert fan-out unavailable, delivering to local connections only: {}", e.getMessage());
            CompletableFuture.runAsync(() -> alerts.forEach(this::dispatch));
        }
    }

    /** Every instance gets every change; one with no open streams has nothing to do with it. */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        if (connections.isEmpty()) {
            return;
        }
        JsonNode changes = json.readTree(message.getBody());
        // A single change is what 0.5.0 and earlier sent, during a rolling upgrade.
        for (JsonNode alert : changes.isArray() ? changes : List.of(changes)) {
            dispatch(json.treeToValue(alert, AlertView.class));
        }
    }

    private void dispatch(AlertView alert) {
        connections.forEach((emitter, staffId) -> {
            if (alerting.visibleTo(staffId, alert.patientId())) {
                send(emitter, SseEmitter.event().name("alert").id(String.valueOf(alert.id())).data(AlertsController.AlertDto.from(alert)));
            }
        });
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Closes every stream when the instance shuts down, before the web server's graceful shutdown (a later phase)
     * waits for open requests: clients reconnect to another instance instead of holding this one up for 30 s.
     */
    @Override
    public void stop() {
        running = false;
        connections.keySet().forEach(SseEmitter::complete);
        connections.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Keeps idle connections open through proxies. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        connections.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            connections.remove(emitter);
        }
    }


    @Configuration(proxyBeanMethods = false)
    static class Subscription {
        @Bean
        RedisMessageListenerContainer alertChanges(RedisConnectionFactory redis, AlertStream stream) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(redis);
            container.addMessageListener(stream, new ChannelTopic(CHANNEL));
            return container;
        }
    }
}

package nl.uitkijk.rest.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.time.Instant;
import java.util.UUID;
import nl.uitkijk.api.governance.CameraShares;
import nl.uitkijk.api.governance.Handover;
import nl.uitkijk.api.governance.Handovers;
import nl.uitkijk.api.user.UserAccount;
import nl.uitkijk.api.user.UserAccounts;
import nl.uitkijk.rest.internal.live.LiveRights;
import nl.uitkijk.rest.internal.live.LiveTickets;
import nl.uitkijk.rest.internal.live.LiveTickets.LiveTicket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every open live and alarm socket again every {@value #CHECK_SECONDS} seconds against the rules the tickets
 * were issued under (the {@link Allow} of {@link LiveTicketResource} and {@link AlarmResource}): one pass for all
 * sockets, the accounts read once per pass. A sign-out, a removed account, a changed role or a withdrawn police share
 * ends the socket within seconds.
 */
@Component(service = LiveRights.class)
public class WatchRights implements LiveRights {

    static final long CHECK_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(WatchRights.class);

    private final ConsoleSessions sessions;
    private final CameraShares shares;
    private final UserAccounts accounts;
    private final Method liveRule = rule(LiveTicketResource.class, "issue");
    private final Method alarmRule = rule(AlarmResource.class, "ticket");
    private final Map<Watch, Boolean> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private volatile Handovers handovers;

    private record Watch(LiveTicket ticket, Consumer<String> lapsed) {
    }

    @Activate
    public WatchRights(@Reference ConsoleSessions sessions, @Reference CameraShares shares,
            @Reference UserAccounts accounts) {
        this.sessions = sessions;
        this.shares = shares;
        this.accounts = accounts;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-live-rights");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::checkAll, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void bindHandovers(Handovers service) {
        this.handovers = service;
    }

    void unbindHandovers(Handovers service) {
        if (this.handovers == service) {
            this.handovers = null;
        }
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public AutoCloseable watch(LiveTicket ticket, Consumer<String> lapsed) {
        Watch watch = new Watch(ticket, lapsed);
        watches.put(watch, Boolean.TRUE);
        return () -> watches.remove(watch);
    }

    void checkAll() {
        if (watches.isEmpty()) {
            return;
        }
        Map<String, Set<String>> roles = new HashMap<>();
        try {
            for (UserAccount account : accounts.accounts()) {
                roles.put(account.name(), account.roles());
            }
        } catch (RuntimeException e) {
            LOG.warn("The accounts could not be read; live sockets are checked again in {} s: {}", CHECK_SECONDS,
                    e.toString());
            return;
        }
        for (Watch watch : watches.keySet()) {
            Optional<String> lapsed = lapsed(watch.ticket(), roles);
            if (lapsed.isPresent() && watches.remove(watch) != null) {
                LOG.info("Ending a live socket of '{}' (camera '{}'): {}", watch.ticket().user(),
                        watch.ticket().cameraId(), lapsed.get());
                try {
                    watch.lapsed().accept(lapsed.get());
                } catch (RuntimeException e) {
                    LOG.warn("Ending a live socket failed", e);
                }
            }
        }
    }

    /** Why the ticket's holder may no longer watch, or empty. */
    Optional<String> lapsed(LiveTicket ticket, Map<String, Set<String>> rolesByUser) {
        if (ticket.handoverId() != null) {
            return handoverLapsed(ticket);
        }
        if (ticket.session() != null && !sessions.isOpen(ticket.session())) {
            return Optional.of("signed out");
        }
        Set<String> roles = rolesByUser.get(ticket.user());
        if (roles == null) {
            return Optional.of("the account was removed");
        }
        boolean alarms = ticket.cameraId().equals(LiveTickets.ALARMS);
        if (AccessPolicy.refusal(alarms ? alarmRule : liveRule, roles, name -> null, camera -> true).isPresent()) {
            return Optional.of("the account's role no longer allows it");
        }
        if (!alarms && AccessPolicy.policeOnly(roles) && !shares.sharedWith(ticket.cameraId(), CameraShares.POLICE)) {
            return Optional.of("the camera is no longer shared with the police");
        }
        return Optional.empty();
    }

    /** A hand-over link's socket: it plays while the hand-over is active, and only its cameras. */
    private Optional<String> handoverLapsed(LiveTicket ticket) {
        Handovers current = handovers;
        if (current == null) {
            return Optional.of("hand-overs are not available");
        }
        try {
            UUID id = UUID.fromString(ticket.handoverId());
            Optional<Handover> handover = current.handover(id);
            if (handover.isEmpty() || !handover.get().cameraIds().contains(ticket.cameraId())) {
                return Optional.of("no such hand-over");
            }
            if (handover.get().revoked() != null) {
                return Optional.of("the hand-over was revoked");
            }
            return handover.get().activeAt(Instant.now()) ? Optional.empty() : Optional.of("the hand-over ended");
        } catch (IllegalArgumentException e) {
            return Optional.of("no such hand-over");
        }
    }

    /** The resource method whose declared rule a socket keeps to. */
    static Method rule(Class<?> resource, String name) {
        return Arrays.stream(resource.getDeclaredMethods())
                .filter(method -> method.getName().equals(name) && method.isAnnotationPresent(Allow.class))
                .findFirst().orElseThrow(() -> new IllegalStateException(resource.getSimpleName() + "." + name
                        + " declares no access rule"));
    }
}

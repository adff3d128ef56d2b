package dev.custody.egress;

import dev.custody.ledger.SuspensionCause;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Raises the alarm for a suspension: a WARN log line and, if configured ({@code
 * CUSTODY_ALERT_WEBHOOK_URL}), a POST of {@code {"event":"principal-suspended","principal":ID,
 * "cause":CAUSE,"at":ISO-8601}} to the webhook. Names the principal by id only, never a secret. A
 * webhook that cannot be reached is logged, never allowed to undo the suspension.
 */
public final class SuspensionAlert {
    private static final System.Logger LOG = System.getLogger(SuspensionAlert.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Optional<URI> webhook;
    private final HttpClient http;

    public SuspensionAlert(Optional<URI> webhook) {
        this.webhook = webhook;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** From {@code CUSTODY_ALERT_WEBHOOK_URL}, if set; INVALID_INPUT for one that is not an http(s) URL. */
    public static SuspensionAlert fromEnvironment(java.util.Map<String, String> env) {
        String url = env.get("CUSTODY_ALERT_WEBHOOK_URL");
        if (url == null || url.isBlank()) {
            return new SuspensionAlert(Optional.empty());
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw dev.custody.CustodyException.invalidInput("CUSTODY_ALERT_WEBHOOK_URL is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw dev.custody.CustodyException.invalidInput("CUSTODY_ALERT_WEBHOOK_URL must be an http(s) URL");
        }
        return new SuspensionAlert(Optional.of(uri));
    }

    public void raise(String principalId, SuspensionCause cause, Instant at) {
        LOG.log(System.Logger.Level.WARNING, "principal {0} suspended: {1}", principalId, cause);
        if (webhook.isEmpty()) {
            return;
        }
        // Ids and enum names only: nothing here needs JSON escaping beyond what the id shapes allow.
        String body = "{\"event\":\"principal-suspended\",\"principal\":\"" + principalId.replace("\"", "")
                + "\",\"cause\":\"" + cause.name() + "\",\"at\":\"" + at + "\"}";
        try {
            var response = http.send(
                    HttpRequest.newBuilder(webhook.get())
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.log(System.Logger.Level.WARNING, "the alert webhook answered {0}", response.statusCode());
            }
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the alert webhook could not be reached: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

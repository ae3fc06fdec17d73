package io.chatload.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
import org.apache.camel.FailedToCreateProducerException;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Decides what an attempt's answer or failure means for its row. A 2xx is sent; a 4xx other than 408/429 is a
 * rejection (failed: sending the same request again cannot help); 408, 429, 5xx and I/O errors are retryable until
 * the row has used its attempts. For an outbox whose API cannot drop a repeated request, "retryable" is narrowed to
 * what certainly did not act: no connection was made, or the server said it did not process the request (408, 429,
 * 503). Any other 5xx or an I/O error after the request left (a read timeout, a reset) may have acted, so the row
 * becomes {@code unknown} instead of being sent twice.
 */
final class Outcomes {
    /** Statuses that say the server did not act on the request. */
    private static final Set<Integer> NOT_PROCESSED = Set.of(408, 429, 503);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboxKind kind;
    private final int maxAttempts;
    private final ErrorText text;

    Outcomes(OutboxKind kind, int maxAttempts, ErrorText text) {
        this.kind = kind;
        this.maxAttempts = maxAttempts;
        this.text = text;
    }

    Outcome answered(OutboxRow row, int status, String body, String reasonPhrase) {
        if (status >= 200 && status < 300) {
            return Outcome.sent(responseId(body));
        }
        String reason = text.reason(body, reasonPhrase);
        String what = "HTTP " + status + (reason.isEmpty() ? "" : ": " + reason);
        if (status == 408 || status == 429 || status >= 500) {
            return retryable(row, what, NOT_PROCESSED.contains(status));
        }
        String advice = status == 401 || status == 403
                ? "the API refused the credential: check " + kind.source().credentialProperty()
                + ", then set the failed rows' status to 'pending' to send them again"
                : "correct the row if needed and set its status to 'pending' to send it again";
        return new Outcome(OutboxStatus.FAILED, what, null, advice);
    }

    Outcome failed(OutboxRow row, Throwable failure) {
        return retryable(row, text.describe(failure), neverSent(failure));
    }

    /** A row that cannot become a request: nothing was sent. */
    Outcome invalid(String problem) {
        return new Outcome(OutboxStatus.FAILED, "invalid row: " + problem, null,
                "fill in the row and set its status to 'pending' to send it");
    }

    private Outcome retryable(OutboxRow row, String what, boolean surelyNotActedOn) {
        if (!kind.idempotent() && !surelyNotActedOn) {
            return new Outcome(OutboxStatus.UNKNOWN, text.clean(what + ": the request may or may not have been acted on;"
                    + " check in " + kind.apiName() + " whether it went out, then set status to pending to resend or"
                    + " sent"),
                    null, "chatload does not resend it by itself, as that could send it twice");
        }
        if (row.attempts() >= maxAttempts) {
            return new Outcome(OutboxStatus.FAILED, text.clean(what + " (gave up after " + row.attempts() + " attempts)"),
                    null, "check chatload." + kind.source().name() + ".base-url and the API's status, then set status "
                    + "to 'pending' to try again");
        }
        return new Outcome(OutboxStatus.PENDING, text.clean(what + " (attempt " + row.attempts() + " of " + maxAttempts
                + ", retried by the next drain)"), null, null);
    }

    private String responseId(String body) {
        if (kind.responseIdColumn() == null || body == null || body.isBlank()) {
            return null;
        }
        try {
            return kind.responseId(JSON.readValue(body, Object.class));
        } catch (Exception e) {
            // accepted is accepted: an answer chatload cannot read leaves response_id empty
            return null;
        }
    }

    /**
     * True when the failure happened before the request could leave: no endpoint or producer, or no connection.
     * Anything else (a read timeout, a reset, an unreadable answer) may have come after the API acted.
     */
    private static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResolveEndpointFailedException || t instanceof NoSuchEndpointException
                    || t instanceof FailedToCreateProducerException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof ConnectTimeoutException || t instanceof ConnectionRequestTimeoutException) {
                return true;
            }
        }
        return false;
    }
}

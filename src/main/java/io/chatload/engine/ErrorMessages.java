package io.chatload.engine;

import io.chatload.config.SourceConfig;
import io.chatload.routes.ResourceSpec;
import io.chatload.source.BadResponseException;
import io.chatload.source.urls.Urls;
import io.chatload.text.PrintableText;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;

/**
 * Turns what went wrong in a resource run into one line: the resource, the request's path (never the host's
 * credentials: they are not in the URL), what happened, and what to do.
 */
final class ErrorMessages {

    private static final int MAX_DETAIL = 300;

    private ErrorMessages() {
    }

    static String forResource(ResourceSpec spec, URI url, SourceConfig source, Throwable failure) {
        return whatHappened(spec, url, failure) + ": " + whatToDo(spec, source, failure);
    }

    /**
     * The first half of the line: the resource, the request and what it got, e.g. for a retry's log line. The path and
     * the message come from the API (a links.more URL, a JSON parser's quote of the body): escaped, as a log prints them.
     */
    static String whatHappened(ResourceSpec spec, URI url, Throwable failure) {
        return PrintableText.escape(happened(spec, url, failure));
    }

    private static String happened(ResourceSpec spec, URI url, Throwable failure) {
        String at = spec.id() + ": " + (url == null ? "" : "GET " + Urls.pathAndQuery(url) + " ");
        LoadStopped stopped = ObjectHelper.getException(LoadStopped.class, failure);
        if (stopped != null) {
            return at + "not sent: " + stopped.getMessage();
        }
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        if (http != null) {
            return at + "answered HTTP " + http.getStatusCode();
        }
        BadResponseException bad = ObjectHelper.getException(BadResponseException.class, failure);
        if (bad != null) {
            return at + "returned a response chatload cannot read: " + bad.getMessage();
        }
        SQLException sql = ObjectHelper.getException(SQLException.class, failure);
        if (sql != null) {
            return spec.id() + ": writing " + spec.schema() + "." + spec.table() + " failed: " + describe(sql);
        }
        return at + "failed: " + describe(ObjectHelper.getException(IOException.class, failure) != null ? ObjectHelper.getException(IOException.class, failure) : failure);
    }

    private static String whatToDo(ResourceSpec spec, SourceConfig source, Throwable failure) {
        if (ObjectHelper.getException(LoadStopped.class, failure) != null) {
            return "the rows before it are committed; the next run resumes from there";
        }
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        if (http != null) {
            return httpHint(http.getStatusCode(), spec, source);
        }
        if (ObjectHelper.getException(BadResponseException.class, failure) != null) {
            return "check the resource's dataSelector and " + baseUrlKey(spec);
        }
        if (ObjectHelper.getException(SQLException.class, failure) != null) {
            return "check the database at chatload.db.url; rows committed before stay";
        }
        if (ObjectHelper.getException(IOException.class, failure) != null) {
            return "check " + baseUrlKey(spec) + " and that the API is reachable";
        }
        return "run again with --debug for details";
    }

    /** A per-parent request the API answered 404: the parent is skipped, the run goes on. */
    static String skippedNotFound(ResourceSpec spec, URI url) {
        return spec.id() + ": GET " + Urls.pathAndQuery(url) + " answered HTTP 404: skipped";
    }

    /** The HTTP status the API answered, or -1 when the failure was not an HTTP answer. */
    static int httpStatus(Throwable failure) {
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        return http == null ? -1 : http.getStatusCode();
    }

    private static String httpHint(int status, ResourceSpec spec, SourceConfig source) {
        if (status == 401 || status == 403) {
            return "the API refused the credential: check " + String.join(" and ", spec.auth().credentialKeys(source));
        }
        if (status == 404) {
            return "no such endpoint: check the resource's path and " + baseUrlKey(spec);
        }
        if (status == 429) {
            return "the API is rate limiting: re-run later or run this resource less often";
        }
        if (status >= 500) {
            return "the API failed: re-run later; rows loaded so far are kept";
        }
        return "the API rejected the request: check the resource's path and parameters";
    }

    private static String baseUrlKey(ResourceSpec spec) {
        return "chatload." + spec.source() + ".base-url";
    }

    /** The first line of the most specific message, shortened: no stack traces, no response bodies. */
    static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof RuntimeException
                && root.getClass().getName().startsWith("org.apache.camel"))) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = message == null || message.isBlank() ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
}

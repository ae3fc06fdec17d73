package io.chatload.records;

import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.TimeUtils;

/**
 * {@code chatload:<source>.<table>} or {@code chatload:<schema>.<table>}: a consumer of the table's records. Options
 * (besides Camel's scheduled-poll ones, {@code delay}, {@code initialDelay}...): {@code consumerId} (default: the
 * route's id), {@code fromStart} (default true), {@code pageSize} (default 500) and {@code runningTimeout} (default 24h).
 */
public class RecordsEndpoint extends ScheduledPollEndpoint {
    private static final long DEFAULT_DELAY_MILLIS = 5_000;

    private final String name;
    private String consumerId;
    private boolean fromStart = true;
    private int pageSize = 500;
    private Duration runningTimeout = Duration.ofHours(24);

    RecordsEndpoint(String uri, ChatloadComponent component, String name) {
        super(uri, component);
        this.name = name;
        setDelay(DEFAULT_DELAY_MILLIS);
    }

    @Override
    public ChatloadComponent getComponent() {
        return (ChatloadComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("chatload:" + name + " is a consumer only: records are written by"
                + " chatload's loads (send a resource id to direct:chatload-run to load one)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        RecordsConsumer consumer = new RecordsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The part after {@code chatload:}, as the route wrote it. */
    public String getName() {
        return name;
    }

    public String getConsumerId() {
        return consumerId;
    }

    /**
     * The name the consumer's position is stored under, in {@code <schema>._chatload_consumers}: two routes with one
     * id share a position. Default: the route's id.
     */
    public void setConsumerId(String consumerId) {
        this.consumerId = consumerId;
    }

    public boolean isFromStart() {
        return fromStart;
    }

    /**
     * What a consumer whose id is new emits: every load in the history (true, the default), or only loads that finish
     * after its first start (false). A consumer that has a position resumes from it either way.
     */
    public void setFromStart(boolean fromStart) {
        this.fromStart = fromStart;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Rows read from the table per query (the records are processed one by one either way). */
    public void setPageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("chatload:" + name + ": pageSize must be at least 1, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public String getRunningTimeout() {
        return TimeUtils.printDuration(runningTimeout, true);
    }

    /**
     * How long a load may stay RUNNING before its rows are emitted anyway (with status ABANDONED): a process killed
     * mid-load never ends its load, yet the batches it committed stay, with the cursors that cover them. Should the
     * load end after all, it is emitted again, whole. {@code 24h} by default, {@code 30m}, milliseconds; 0 waits for
     * ever.
     */
    public void setRunningTimeout(String runningTimeout) {
        long millis = TimeUtils.toMilliSeconds(runningTimeout);
        if (millis < 0) {
            throw new IllegalArgumentException("chatload:" + name + ": runningTimeout must not be negative: " + runningTimeout);
        }
        this.runningTimeout = Duration.ofMillis(millis);
    }

    Duration runningTimeout() {
        return runningTimeout;
    }
}

package io.chatload.embed;

import io.chatload.engine.LoadSummary;
import java.util.function.Consumer;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code chatload.load-on-start}: one load of every enabled resource as the host's context starts, instead of
 * waiting for each resource's first scheduled time. A route of its own, so the host's tooling shows it.
 */
final class LoadOnStart extends RouteBuilder {

    private final Consumer<LoadSummary> summaries;

    LoadOnStart(Consumer<LoadSummary> summaries) {
        this.summaries = summaries;
    }

    @Override
    public void configure() {
        // added after chatload's routes, so it starts (and fires) once they are all running
        from("timer:chatload-load-on-start?repeatCount=1&delay=0").routeId("chatload-load-on-start")
                .setBody(constant(""))
                .to(ChatloadRoutes.LOAD)
                .process(exchange -> summaries.accept(exchange.getMessage().getBody(LoadSummary.class)));
    }
}

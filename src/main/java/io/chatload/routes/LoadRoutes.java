package io.chatload.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * The mechanics every resource shares. {@code chatload-run} opens a resource run, then a Dynamic Router sends the
 * exchange through {@code chatload-page} once per page for as long as the run's paginator names a next page;
 * each page is fetched with the source's HTTP component, its records are split and handed to the batch writer.
 * A failure ends that resource's run with one clear line; rows written before it stay.
 */
public final class LoadRoutes extends RouteBuilder {

    public static final String RUN = "direct:chatload-run";
    static final String PAGE = "direct:chatload-page";

    private final ResourceRunner runner;

    public LoadRoutes(ResourceRunner runner) {
        this.runner = runner;
    }

    @Override
    public void configure() {
        from(RUN).routeId("chatload-run")
                .doTry()
                    .process(runner::begin)
                    .dynamicRouter(method(runner, "nextPage"))
                    .process(runner::runQueryParents)
                    .process(runner::complete)
                .endDoTry()
                .doCatch(Exception.class)
                    .process(runner::fail)
                .end();

        from(PAGE).routeId("chatload-page")
                // failures go back to chatload-run's doCatch, which reports them once
                .errorHandler(noErrorHandler())
                .process(runner::prepareRequest)
                .toD("${exchangeProperty." + ResourceRunner.HTTP_COMPONENT + "}://api")
                .process(runner::readPage)
                .split(body()).stopOnException()
                    .process(runner::sink)
                .end()
                .process(runner::awaitFanOuts);
    }
}

package io.chatload.embed;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * For applications on Camel Main (or anything that honours {@code camel.main.configuration-classes}): listing this
 * class there is the whole set-up; the {@code chatload.*} settings come from the application's properties. Same as
 * calling {@link ChatloadRoutes#install(CamelContext)}.
 */
public class ChatloadConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        ChatloadRoutes.install(camelContext);
    }
}

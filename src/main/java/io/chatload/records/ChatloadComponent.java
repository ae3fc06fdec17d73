package io.chatload.records;

import io.chatload.load.Destination;
import io.chatload.routes.SourceDefaults;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code chatload:} component: {@code from("chatload:chaport.chats")} emits each record of a root table once its
 * load has finished (see {@link RecordsConsumer}). Found through {@code META-INF/services}, so a route names it
 * without registering anything. It reads the destination chatload writes: the one set here, else the single
 * {@link Destination} in the registry (chatload's routes bind theirs as {@value #DESTINATION_BEAN}).
 */
public class ChatloadComponent extends DefaultComponent {
    /** The registry name chatload's routes give their destination. */
    public static final String DESTINATION_BEAN = "chatloadDestination";

    private Destination destination;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RecordsTable.parts(remaining); // a wrong name fails as the route is built
        RecordsEndpoint endpoint = new RecordsEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The table a name means: a source's schema ({@code chaport} → {@code chaport_data}, from its {@code _source.yaml})
     * or a schema. Resolved as a consumer starts, when chatload's routes have bound the sources' defaults.
     */
    RecordsTable table(String remaining) {
        String[] parts = RecordsTable.parts(remaining);
        return new RecordsTable(remaining, schemaOf(parts[0]), parts[1]);
    }

    private String schemaOf(String sourceOrSchema) {
        SourceDefaults source = getCamelContext().getRegistry().lookupByNameAndType(sourceOrSchema, SourceDefaults.class);
        return source != null && source.getSchema() != null ? source.getSchema() : sourceOrSchema;
    }

    /** The destination set on the component, else the one in the registry; found when a consumer starts. */
    Destination destination() {
        if (destination != null) {
            return destination;
        }
        Destination bound = getCamelContext().getRegistry().lookupByNameAndType(DESTINATION_BEAN, Destination.class);
        if (bound != null) {
            return bound;
        }
        Set<Destination> all = getCamelContext().getRegistry().findByType(Destination.class);
        if (all.size() == 1) {
            return all.iterator().next();
        }
        throw new IllegalStateException("the chatload: component finds no chatload destination: install chatload's routes"
                + " in this CamelContext (ChatloadRoutes.install, or the chatload runtime), or set one with"
                + " ChatloadComponent.setDestination");
    }

    public Destination getDestination() {
        return destination;
    }

    public void setDestination(Destination destination) {
        this.destination = destination;
    }
}

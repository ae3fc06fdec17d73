package io.chatload.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The endpoint's options as a route writes them; no database is needed until a consumer starts. */
class RecordsEndpointTest {

    @Test
    void theUriResolvesThroughTheServiceFileWithItsOptions() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            RecordsEndpoint endpoint = context.getEndpoint("chatload:chaport_data.chats?consumerId=crm&fromStart=false"
                    + "&pageSize=7&runningTimeout=30m&delay=100", RecordsEndpoint.class);
            assertEquals("crm", endpoint.getConsumerId());
            assertEquals(false, endpoint.isFromStart());
            assertEquals(7, endpoint.getPageSize());
            assertEquals(Duration.ofMinutes(30), endpoint.runningTimeout());
            assertEquals(100, endpoint.getDelay());

            RecordsEndpoint defaults = context.getEndpoint("chatload:chaport.chats", RecordsEndpoint.class);
            assertEquals(true, defaults.isFromStart());
            assertEquals(Duration.ofHours(24), defaults.runningTimeout());
            assertEquals(5_000, defaults.getDelay());
        }
    }

    @Test
    void aMisspeltOptionOrAWrongNameFailsAsTheEndpointIsMade() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("chatload:chaport.chats?fromStrat=false"));
            ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                    () -> context.getEndpoint("chatload:chats"));
            assertTrue(e.getMessage().contains("chatload:<source>.<table>"), e.getMessage());
        }
    }

    @Test
    void itOnlyConsumes() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            RecordsEndpoint endpoint = context.getEndpoint("chatload:chaport.chats", RecordsEndpoint.class);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, endpoint::createProducer);
            assertTrue(e.getMessage().contains("consumer only"), e.getMessage());
        }
    }
}

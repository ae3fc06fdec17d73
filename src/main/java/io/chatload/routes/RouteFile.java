package io.chatload.routes;

import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceHelper;

/**
 * One resource file as chatload loads it: its name relative to the routes folder ({@code chaport/visitors.yaml}),
 * where it came from ({@code file:/...} in the routes folder, {@code classpath:chatload/routes/...} when shipped in
 * the jar) and its content.
 */
public record RouteFile(String name, String location, String content) {

    public boolean shipped() {
        return location.startsWith(ShippedRoutes.LOCATION);
    }

    /** The file for Camel's routes loader, which picks the YAML or XML parser by the location's extension. */
    public Resource resource() {
        return ResourceHelper.fromString(location, content);
    }
}

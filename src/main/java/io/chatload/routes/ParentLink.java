package io.chatload.routes;

import java.util.Map;

/**
 * A child resource's tie to its parent: the parent's resource id, and the fields copied from each parent record into
 * the child's records (child field to parent field, e.g. {@code visitor_id=id}), since the APIs leave them out.
 */
public record ParentLink(String resource, Map<String, String> fields) {
}

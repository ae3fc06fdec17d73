package io.chatload.sandbox;

import java.util.Map;

/**
 * One visitor in both forms Chaport serves it: the list form of {@code GET /visitors} and the detail form of
 * {@code GET /visitors/{id}}, which adds browser, OS, language, IP and location.
 */
record GeneratedVisitor(Map<String, Object> listForm, Map<String, Object> detailForm) {

    String id() {
        return (String) listForm.get("id");
    }
}

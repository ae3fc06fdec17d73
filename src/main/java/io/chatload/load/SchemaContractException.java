package io.chatload.load;

/** A record the resource's {@link SchemaContract} refuses ({@code freeze}): the flush holding it writes nothing. */
public final class SchemaContractException extends RuntimeException {
    SchemaContractException(String message) {
        super(message);
    }
}

package io.chatload.load;

/** Status of a load in chatload's history, {@code _chatload_loads}. */
public enum LoadStatus { RUNNING, COMPLETED, FAILED }
